package org.gatehouse.audit;

import java.time.Clock;

import org.gatehouse.tasks.CleanupTask;

/** Deletes security log entries older than gatehouse.audit.retention. */
public class AuditRetentionTask implements CleanupTask {

	private final AuditLog auditLog;
	private final AuditProperties properties;
	private final Clock clock;

	public AuditRetentionTask(AuditLog auditLog, AuditProperties properties, Clock clock) {
		this.auditLog = auditLog;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "audit-retention";
	}

	@Override
	public int run() {
		return auditLog.deleteBefore(clock.instant().minus(properties.getRetention()));
	}
}
