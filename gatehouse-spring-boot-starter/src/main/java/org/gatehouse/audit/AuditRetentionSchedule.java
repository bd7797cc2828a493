package org.gatehouse.audit;

import java.time.Duration;
import java.time.Instant;

import org.gatehouse.tasks.CleanupRunner;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/** Runs audit-retention every gatehouse.audit.retention-interval, under the runner's cluster lock. */
public class AuditRetentionSchedule implements AutoCloseable {

	private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();

	public AuditRetentionSchedule(CleanupRunner runner, AuditProperties properties) {
		Duration every = properties.getRetentionInterval();
		scheduler.setThreadNamePrefix("gatehouse-audit-");
		scheduler.scheduleWithFixedDelay(() -> runner.run("audit-retention"), Instant.now().plus(every), every);
	}

	@Override
	public void close() {
		scheduler.close();
	}
}
