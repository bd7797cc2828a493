package org.gatehouse.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;

/**
 * An embedded database that only this process opens: every writer is in this JVM, so messages go to the caches of
 * every application context here that uses the same database (tests and hosts may run several).
 */
final class LocalInvalidationChannel implements InvalidationChannel, SmartLifecycle {

	private static final Map<String, Set<NearCaches>> BY_DATABASE = new ConcurrentHashMap<>();

	private final NearCaches caches;
	private final String database;
	private volatile boolean running;

	LocalInvalidationChannel(NearCaches caches, String database) {
		this.caches = caches;
		this.database = database;
		caches.use(this);
	}

	@Override
	public void publish(String message) {
		for (NearCaches other : BY_DATABASE.getOrDefault(this.database, Set.of())) {
			if (other != this.caches) {
				other.received(message);
			}
		}
	}

	@Override
	public void start() {
		BY_DATABASE.computeIfAbsent(this.database, d -> ConcurrentHashMap.newKeySet()).add(this.caches);
		this.running = true;
		this.caches.opened();
	}

	@Override
	public void stop() {
		this.running = false;
		this.caches.closed();
		BY_DATABASE.computeIfPresent(this.database, (d, set) -> {
			set.remove(this.caches);
			return set.isEmpty() ? null : set;
		});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public String toString() {
		return "this process (embedded database)";
	}
}
