package org.gatehouse.audit;

import java.time.Instant;

/**
 * A security log entry as a person reads it: the event as a bundle key suffix, users by email,
 * one address format, the client named, details as a bundle key (with its counts) when they are a known code.
 */
public record SecurityLogRow(Instant occurredAt, String event, Long actorUserId, String actorEmail,
		Long subjectUserId, String subjectEmail, String ip, ClientLabel client, Details detailsText, String details) {

	/** Details as a bundle key and its arguments (counts). */
	public record Details(String key, Object... args) {
	}
}
