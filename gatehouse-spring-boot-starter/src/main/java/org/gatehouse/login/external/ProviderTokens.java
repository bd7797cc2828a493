package org.gatehouse.login.external;

import java.time.Instant;

/** The tokens a provider issued at the user's last sign-in with it (kept only with store-tokens). */
public record ProviderTokens(String accessToken, String refreshToken, Instant expiresAt, String scopes) {
}
