package org.gatehouse.oidc;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What an administrator may change on a registered client (admin API, snake_case): whether users are asked to
 * approve its scopes. Redirect URIs, scopes and the kind of client are fixed at registration; register anew instead.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OidcClientChange(Boolean skipConsent) {
}
