package org.gatehouse.oidc;

/** A new client and, for a confidential client, its secret: shown this once, only its hash is stored. */
public record CreatedOidcClient(OidcClient client, String clientSecret) {
}
