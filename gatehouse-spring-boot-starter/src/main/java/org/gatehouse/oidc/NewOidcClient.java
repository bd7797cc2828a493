package org.gatehouse.oidc;

import java.util.List;

/** What an administrator registers: the command line's and the admin API's request. */
public record NewOidcClient(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
		boolean publicClient, List<String> scopes, boolean skipConsent, String backchannelLogoutUri) {
}
