package org.gatehouse.oidc;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A registered relying party as administrators see it (never its secret).
 *
 * @param publicClient true for a client without a secret (a browser or native app): PKCE is required
 * @param skipConsent true when an administrator decided users need not approve this client's scopes
 * In JSON (admin API) its fields are snake_case.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OidcClient(String clientId, String name, boolean publicClient, List<String> redirectUris,
		List<String> postLogoutRedirectUris, List<String> scopes, boolean skipConsent, String backchannelLogoutUri,
		Instant createdAt) {
}
