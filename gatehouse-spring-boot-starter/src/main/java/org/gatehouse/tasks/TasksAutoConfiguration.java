package org.gatehouse.tasks;

import java.time.Clock;
import java.util.List;
import java.util.TimeZone;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.config.GatehouseProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Clean-ups (Invenio's session-cleaner and delete-login-ips), run once per cluster under a ShedLock
 * lock in the database, on a schedule unless gatehouse.tasks.enabled=false (the CLI's own context),
 * and on demand ({@code tasks run NAME}).
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, GatehouseAutoConfiguration.class })
@EnableConfigurationProperties(TasksProperties.class)
public final class TasksAutoConfiguration {

	/** A host that already uses ShedLock brings its own provider; Gatehouse's locks are named gatehouse-*. */
	@Bean
	@ConditionalOnMissingBean
	@DependsOnDatabaseInitialization
	LockProvider gatehouseLockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTimeZone(TimeZone.getTimeZone("UTC"))
			.build());
	}

	@Bean
	CleanupRunner gatehouseCleanupRunner(List<CleanupTask> tasks, LockProvider locks,
			ObjectProvider<MeterRegistry> meters, Clock clock) {
		return new CleanupRunner(tasks, locks, meters, clock);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "gatehouse.tasks.enabled", matchIfMissing = true)
	ScheduledCleanups gatehouseScheduledCleanups(CleanupRunner runner, TasksProperties properties,
			List<CleanupTask> tasks) {
		return new ScheduledCleanups(runner, properties, tasks);
	}
}
