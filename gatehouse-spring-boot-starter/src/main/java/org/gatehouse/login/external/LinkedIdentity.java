package org.gatehouse.login.external;

import java.time.Instant;

/** A row of gh_external_identity: an identity at a provider, linked to a Gatehouse user. */
public record LinkedIdentity(long id, long userId, String provider, String subject, String email, Instant createdAt,
		Instant lastUsedAt) {
}
