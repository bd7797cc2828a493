package org.gatehouse.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Invenio's Celery beat schedule: session-cleaner and delete-login-ips (and expired-sessions with
 * the database session store) at their intervals, and each feature's task that names its own interval;
 * the first run of each task waits one interval.
 */
public final class ScheduledCleanups implements AutoCloseable {

	private final SimpleAsyncTaskScheduler scheduler;

	ScheduledCleanups(CleanupRunner runner, TasksProperties properties, List<CleanupTask> tasks) {
		this.scheduler = new SimpleAsyncTaskScheduler();
		scheduler.setThreadNamePrefix("gatehouse-tasks-");
		schedule(scheduler, runner, "session-cleaner", properties.getSessionCleaner());
		schedule(scheduler, runner, "delete-login-ips", properties.getDeleteLoginIps());
		if (runner.names().contains("expired-sessions")) {
			schedule(scheduler, runner, "expired-sessions", properties.getExpiredSessions());
		}
		for (CleanupTask task : tasks) {
			task.interval().ifPresent(every -> schedule(scheduler, runner, task.name(), every));
		}
	}

	private static void schedule(TaskScheduler scheduler, CleanupRunner runner, String name, Duration every) {
		scheduler.scheduleWithFixedDelay(() -> runner.run(name), Instant.now().plus(every), every);
	}

	@Override
	public void close() {
		scheduler.close();
	}
}
