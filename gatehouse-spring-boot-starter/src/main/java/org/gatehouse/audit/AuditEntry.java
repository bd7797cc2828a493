package org.gatehouse.audit;

import java.time.Instant;

/** A row of the security log. */
public record AuditEntry(long id, Instant occurredAt, String eventType, Long actorUserId, Long subjectUserId,
		String ip, String userAgent, String details) {
}
