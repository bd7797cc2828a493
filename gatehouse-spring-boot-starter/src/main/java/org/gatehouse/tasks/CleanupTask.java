package org.gatehouse.tasks;

/** A clean-up that the scheduler runs periodically and an operator can run on demand. */
public interface CleanupTask {

	/** The name used in logs, in the lock table and by {@code tasks run NAME}. */
	String name();

	/** Runs once and answers how many records it changed or removed. */
	int run();
}
