package org.gatehouse.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockProvider;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

@GatehouseIntegrationTest
class CleanupRunnerTest {

	@Autowired
	LockProvider locks;

	@Test
	void aTaskRunsOncePerClusterWhileItsLockIsHeld() {
		String name = "probe-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();
		CleanupTask probe = new CleanupTask() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public int run() {
				return runs.incrementAndGet();
			}
		};
		CleanupRunner first = runner(probe);
		CleanupRunner secondInstance = runner(probe);

		assertThat(first.run(name)).contains(1);
		assertThat(secondInstance.run(name)).as("lock held for at least 30 s after a run").isEmpty();
		assertThat(runs).hasValue(1);
	}


	private CleanupRunner runner(CleanupTask task) {
		return new CleanupRunner(List.of(task), locks, new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class),
				Clock.systemUTC());
	}
}
