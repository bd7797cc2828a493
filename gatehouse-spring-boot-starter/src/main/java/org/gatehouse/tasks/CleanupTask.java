package org.gatehouse.tasks;

import java.time.Duration;
import java.util.Optional;

/** A clean-up that the scheduler runs periodically and an operator can run on demand. */
public interface CleanupTask {

	/** The name used in logs, in the lock table and by {@code tasks run NAME}. */
	String name();

	/** Runs once and answers how many records it changed or removed. */
	int run();

	/**
	 * How often a feature's own task runs, from the feature's settings; the scheduler runs every task that names an
	 * interval. Empty: scheduled by the tasks package's own settings, or on demand only.
	 */
	default Optional<Duration> interval() {
		return Optional.empty();
	}
}
