package org.gatehouse.tasks;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs a clean-up under a cluster-wide lock (ShedLock on the database), so with several
 * instances each run happens once; logs and counts what it removed.
 */
public class CleanupRunner {

	private static final Logger log = LoggerFactory.getLogger(CleanupRunner.class);
	private static final Duration LOCK_AT_MOST = Duration.ofMinutes(30);
	private static final Duration LOCK_AT_LEAST = Duration.ofSeconds(30);

	private final Map<String, CleanupTask> tasks;
	private final LockProvider locks;
	private final ObjectProvider<MeterRegistry> meters;
	private final Clock clock;

	CleanupRunner(List<CleanupTask> tasks, LockProvider locks, ObjectProvider<MeterRegistry> meters,
			Clock clock) {
		this.tasks = tasks.stream().collect(Collectors.toMap(CleanupTask::name, Function.identity()));
		this.locks = locks;
		this.meters = meters;
		this.clock = clock;
	}

	public List<String> names() {
		return tasks.keySet().stream().sorted().toList();
	}

	/**
	 * Runs the task if no other instance holds its lock.
	 * @return the number of records it changed, or empty when another instance ran it
	 */
	public Optional<Integer> run(String name) {
		CleanupTask task = tasks.get(name);
		if (task == null) {
			throw new IllegalArgumentException("Unknown task '" + name + "'; known: " + names());
		}
		Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), "gatehouse-" + name,
				LOCK_AT_MOST, LOCK_AT_LEAST));
		if (lock.isEmpty()) {
			log.info("Task {} skipped: running or just run on another instance", name);
			return Optional.empty();
		}
		try {
			long started = System.nanoTime();
			int count = task.run();
			log.info("Task {} changed {} record(s) in {} ms", name, count, (System.nanoTime() - started) / 1_000_000);
			MeterRegistry registry = meters.getIfAvailable();
			if (registry != null) {
				registry.counter("gatehouse.tasks.records", "task", name).increment(count);
			}
			return Optional.of(count);
		}
		finally {
			lock.get().unlock();
		}
	}
}
