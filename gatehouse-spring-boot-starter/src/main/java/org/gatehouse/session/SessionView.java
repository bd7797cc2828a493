package org.gatehouse.session;

import java.time.Instant;

/** One live session as the user sees it on the Sessions page and in /api/sessions. */
public record SessionView(String id, Instant createdAt, Instant lastSeenAt, String ip, String country,
		String browser, String browserVersion, String os, String device, boolean current) {
}
