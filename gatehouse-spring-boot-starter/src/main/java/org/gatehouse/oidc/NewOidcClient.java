package org.gatehouse.oidc;

import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** What an administrator registers: the command line's and the admin API's request. * In JSON (admin API) its fields are snake_case.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewOidcClient(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
		boolean publicClient, List<String> scopes, boolean skipConsent, String backchannelLogoutUri) {
}
