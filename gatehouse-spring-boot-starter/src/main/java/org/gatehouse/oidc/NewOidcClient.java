package org.gatehouse.oidc;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What an administrator registers: the command line's, the admin page's and the admin API's request. In JSON
 * (admin API) its fields are snake_case, and the two switches may be left out (false).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewOidcClient(String name, List<String> redirectUris, List<String> postLogoutRedirectUris,
		boolean publicClient, List<String> scopes, boolean skipConsent, String backchannelLogoutUri) {

	/** Jackson 3 refuses a missing primitive, so the switches are read as optional. */
	@JsonCreator
	static NewOidcClient fromJson(@JsonProperty("name") String name,
			@JsonProperty("redirect_uris") List<String> redirectUris,
			@JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
			@JsonProperty("public_client") Boolean publicClient, @JsonProperty("scopes") List<String> scopes,
			@JsonProperty("skip_consent") Boolean skipConsent,
			@JsonProperty("backchannel_logout_uri") String backchannelLogoutUri) {
		return new NewOidcClient(name, redirectUris, postLogoutRedirectUris, Boolean.TRUE.equals(publicClient), scopes,
				Boolean.TRUE.equals(skipConsent), backchannelLogoutUri);
	}
}
