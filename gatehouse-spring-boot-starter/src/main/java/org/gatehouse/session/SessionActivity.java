package org.gatehouse.session;

import java.time.Instant;

/** What is known of one live session: where and with what it was last seen. */
public record SessionActivity(String sessionHash, long userId, Instant createdAt, Instant lastSeenAt, String ip,
		String country, String browser, String browserVersion, String os, String device) {
}
