package org.gatehouse.audit;

/**
 * An application event for the security log, published by account and admin code with
 * {@code events.publishEvent(SecurityEvent.byUser(...))}. IP address and user agent are
 * taken from the current request when the entry is written.
 *
 * @param actorUserId who did it, or null (anonymous, command line)
 * @param subjectUserId whose account it concerns, or null; users see the entries about them
 * @param details a short free text, never a secret
 */
public record SecurityEvent(SecurityEventType type, Long actorUserId, Long subjectUserId, String details) {

	/** Something a user did to their own account. */
	public static SecurityEvent byUser(SecurityEventType type, long userId, String details) {
		return new SecurityEvent(type, userId, userId, details);
	}

	/** Something an administrator did to another account. */
	public static SecurityEvent byAdmin(SecurityEventType type, long adminId, long subjectUserId, String details) {
		return new SecurityEvent(type, adminId, subjectUserId, details);
	}
}
