package org.gatehouse.token;

import java.time.Instant;
import java.util.Set;

/** A row of gh_api_token: everything but the token itself, which is never stored. */
public record ApiToken(long id, long userId, String name, String prefix, Set<TokenScope> scopes, Instant createdAt,
		Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

	public boolean usableAt(Instant now) {
		return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
	}
}
