package org.gatehouse.oidc;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A new client and, for a confidential client, its secret: shown this once, only its hash is stored. * In JSON (admin API) its fields are snake_case.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreatedOidcClient(OidcClient client, String clientSecret) {
}
