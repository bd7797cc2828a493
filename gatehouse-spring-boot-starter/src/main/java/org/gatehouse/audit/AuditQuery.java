package org.gatehouse.audit;

import java.time.Instant;

/**
 * A filter on the security log; null fields do not filter. Pages go from newest to
 * oldest: {@code beforeId} is the id of the last entry of the previous page.
 *
 * @param userId entries where the user is the actor or the subject
 */
public record AuditQuery(SecurityEventType type, Long userId, Instant from, Instant to, Long beforeId) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null);
	}
}
