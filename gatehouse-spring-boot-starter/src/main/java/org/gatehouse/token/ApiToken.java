package org.gatehouse.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A row of gh_api_token: everything but the token itself, which is never stored. */
public record ApiToken(long id, long userId, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

	/**
	 * Not revoked, not expired, and younger than the maximum lifetime: tokens created before the
	 * lifetime existed have no expiry of their own, and the limit applies to them as well.
	 */
	public boolean usableAt(Instant now, Duration maxLifetime) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt))
				&& now.isBefore(createdAt.plus(maxLifetime));
	}
}
