package org.gatehouse.tasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.tasks.*} settings: the schedule of the clean-up tasks. */
@ConfigurationProperties(prefix = "gatehouse.tasks")
public class TasksProperties {
	/** Interval of the session-cleaner task. */
	private Duration sessionCleaner = Duration.ofDays(1);
	/** Interval of the delete-login-ips task. */
	private Duration deleteLoginIps = Duration.ofDays(30);
	/** Interval of the expired-sessions task (database session store: deletes expired sessions in batches). */
	private Duration expiredSessions = Duration.ofMinutes(1);
	/** Run the clean-ups on their schedule. */
	private boolean enabled = true;

	public Duration getSessionCleaner() { return sessionCleaner; }
	public void setSessionCleaner(Duration sessionCleaner) { this.sessionCleaner = sessionCleaner; }
	public Duration getDeleteLoginIps() { return deleteLoginIps; }
	public void setDeleteLoginIps(Duration deleteLoginIps) { this.deleteLoginIps = deleteLoginIps; }
	public Duration getExpiredSessions() { return expiredSessions; }
	public void setExpiredSessions(Duration expiredSessions) { this.expiredSessions = expiredSessions; }
	public boolean isEnabled() { return enabled; }
	public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
