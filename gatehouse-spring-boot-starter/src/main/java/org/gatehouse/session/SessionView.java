package org.gatehouse.session;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One live session as the user sees it on the Sessions page and in /api/sessions. */
public record SessionView(String id, @JsonProperty("created_at") Instant createdAt,
		@JsonProperty("last_seen_at") Instant lastSeenAt, String ip, String country, String browser,
		@JsonProperty("browser_version") String browserVersion, String os, String device, boolean current) {
}
