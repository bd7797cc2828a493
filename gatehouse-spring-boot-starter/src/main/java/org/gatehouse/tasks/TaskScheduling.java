package org.gatehouse.tasks;

import java.time.Duration;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/** Invenio's Celery beat schedule: session-cleaner and delete-login-ips at their intervals. */
@Configuration(proxyBeanMethods = false)
public class TaskScheduling {

	@Bean
	@ConditionalOnMissingBean
	public LockProvider gatehouseLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource)).withTimeZone(java.util.TimeZone.getTimeZone("UTC")).build());
	}

	@Bean
	@ConditionalOnProperty(name = "gatehouse.tasks.enabled", havingValue = "true", matchIfMissing = true)
	public ScheduledCleanups gatehouseScheduledCleanups(CleanupRunner runner, GatehouseProperties properties) {
		SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
		scheduler.setThreadNamePrefix("gatehouse-tasks-");
		return new ScheduledCleanups(scheduler, runner, properties);
	}

	/** Starts the periodic runs; the first run of each task waits one interval. */
	public static final class ScheduledCleanups implements AutoCloseable {

		private final SimpleAsyncTaskScheduler scheduler;

		ScheduledCleanups(SimpleAsyncTaskScheduler scheduler, CleanupRunner runner, GatehouseProperties properties) {
			this.scheduler = scheduler;
			schedule(scheduler, runner, "session-cleaner", properties.getTasks().getSessionCleaner());
			schedule(scheduler, runner, "delete-login-ips", properties.getTasks().getDeleteLoginIps());
			if (runner.names().contains("expired-sessions")) {
				schedule(scheduler, runner, "expired-sessions", properties.getTasks().getExpiredSessions());
			}
		}

		private static void schedule(TaskScheduler scheduler, CleanupRunner runner, String name, Duration every) {
			scheduler.scheduleWithFixedDelay(() -> runner.run(name), java.time.Instant.now().plus(every), every);
		}

		@Override
		public void close() {
			scheduler.close();
		}
	}
}
