package org.gatehouse.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code gatehouse.audit.*} settings: how long the security log is kept. */
@ConfigurationProperties(prefix = "gatehouse.audit")
public class AuditProperties {
	/** How long security log entries are kept; the audit-retention task deletes older ones. */
	private Duration retention = Duration.ofDays(365);
	/** Interval of the audit-retention task. */
	private Duration retentionInterval = Duration.ofDays(1);

	public Duration getRetention() { return retention; }
	public void setRetention(Duration retention) { this.retention = retention; }
	public Duration getRetentionInterval() { return retentionInterval; }
	public void setRetentionInterval(Duration v) { this.retentionInterval = v; }
}
