package org.gatehouse.passwordless;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Passwordless sign-in by an emailed link and code (gatehouse.passwordless.*; the feature flag is gatehouse.features.passwordless). */
@ConfigurationProperties("gatehouse.passwordless")
public class PasswordlessProperties {

	/** How long an emailed sign-in link and its code work (SECURITY_TOKEN_MAX_AGE of Flask-Security's passwordless login). */
	private Duration tokenLifetime = Duration.ofMinutes(10);

	/** Wrong codes tried in the browser that asked before its links end (each also counts as a failed login). */
	private int maxCodeAttempts = 5;

	/** Interval of the expired-login-links clean-up task (deletes links that expired unused). */
	private Duration cleanupInterval = Duration.ofHours(1);

	public Duration getTokenLifetime() { return tokenLifetime; }
	public void setTokenLifetime(Duration tokenLifetime) { this.tokenLifetime = tokenLifetime; }
	public int getMaxCodeAttempts() { return maxCodeAttempts; }
	public void setMaxCodeAttempts(int maxCodeAttempts) { this.maxCodeAttempts = maxCodeAttempts; }
	public Duration getCleanupInterval() { return cleanupInterval; }
	public void setCleanupInterval(Duration cleanupInterval) { this.cleanupInterval = cleanupInterval; }
}
