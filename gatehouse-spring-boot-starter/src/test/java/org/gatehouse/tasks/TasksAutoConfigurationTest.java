package org.gatehouse.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.session.SessionActivityStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class TasksAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TasksAutoConfiguration.class))
		.withBean(GatehouseProperties.class)
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(DataSource.class, () -> mock(DataSource.class))
		.withBean(UserStore.class, () -> mock(UserStore.class))
		.withBean(SessionActivityStore.class, () -> mock(SessionActivityStore.class))
		.withBean(RememberMeTokenStore.class, () -> mock(RememberMeTokenStore.class));

	@Test
	void theCleanUpsRunOnTheirScheduleUnderGatehousesLock() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(ScheduledCleanups.class).hasBean("gatehouseLockProvider");
			assertThat(context.getBean(CleanupRunner.class).names()).containsExactly("delete-login-ips",
					"session-cleaner");
		});
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
