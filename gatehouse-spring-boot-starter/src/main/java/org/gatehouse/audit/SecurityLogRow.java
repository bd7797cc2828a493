package org.gatehouse.audit;

import java.time.Instant;

/**
 * A security log entry as a person reads it: the event as a bundle key suffix, users by email,
 * one address format, the client named, details as a bundle key when they are a known code.
 */
public record SecurityLogRow(Instant occurredAt, String event, Long actorUserId, String actorEmail,
		Long subjectUserId, String subjectEmail, String ip, String client, String detailsKey, String details) {
}
