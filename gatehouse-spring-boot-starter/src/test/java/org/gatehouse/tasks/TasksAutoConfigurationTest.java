package org.gatehouse.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TasksAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasksAutoConfiguration.class))
		.withBean(GatehouseProperties.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(DataSource.class, () -> mock(DataSource.class))
		.withBean("probeTask", CleanupTask.class, () -> new CleanupTask() {
			@Override
			public String name() {
				return "probe";
			}

			@Override
			public int run() {
				return 0;
			}
		});

	@Test
	void theCleanUpsRunOnTheirScheduleUnderGatehousesLock() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(ScheduledCleanups.class).hasBean("gatehouseLockProvider");
			assertThat(context.getBean(CleanupRunner.class).names()).containsExactly("probe");
		});
	}

	@Test
	void aFeaturesTaskRunsAtTheIntervalItNames() {
		CountDownLatch runs = new CountDownLatch(2);
		runner.withBean("hostLockProvider", LockProvider.class, () -> configuration -> Optional.of(() -> { }))
			.withBean("featureTask", CleanupTask.class, () -> new CleanupTask() {
				@Override
				public String name() {
					return "feature";
				}

				@Override
				public int run() {
					runs.countDown();
					return 0;
				}

				@Override
				public Optional<Duration> interval() {
					return Optional.of(Duration.ofMillis(50));
				}
			})
			.run(context -> assertThat(runs.await(10, TimeUnit.SECONDS)).as("run twice on its own schedule").isTrue());
	}

	@Test
	void tasksEnabledFalseKeepsTheCleanUpsOnDemandOnly() {
		runner.withPropertyValues("gatehouse.tasks.enabled=false").run(context -> assertThat(context)
			.doesNotHaveBean(ScheduledCleanups.class)
			.hasSingleBean(CleanupRunner.class));
	}

	@Test
	void anApplicationsOwnShedLockProviderIsUsed() {
		LockProvider own = mock(LockProvider.class);
		runner.withBean("hostLockProvider", LockProvider.class, () -> own).run(context -> assertThat(context)
			.doesNotHaveBean("gatehouseLockProvider")
			.getBean(LockProvider.class)
			.isSameAs(own));
	}
}
