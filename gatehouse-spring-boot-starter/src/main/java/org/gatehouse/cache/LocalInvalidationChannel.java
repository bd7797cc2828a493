package org.gatehouse.cache;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded H2 database: messages go to the caches of every application context in this JVM that uses the same
 * database (tests and hosts may run several).
 * <p>
 * An H2 file opened with AUTO_SERVER (the server's default, so that the command line can work beside it) can also
 * be written by another process, which connects through the TCP server H2 starts in the first process (the metadata
 * URL does not say whether AUTO_SERVER is on, so every embedded database is watched): while any session other than
 * this JVM's own is connected (or this JVM is itself the one connected remotely), the caches are closed, and they
 * open, cleared, once no other process is connected. A command line connects seconds before it writes (its context
 * starts first); the watcher looks every {@value #WATCH_MILLIS} ms.
 */
final class LocalInvalidationChannel implements InvalidationChannel, SmartLifecycle {

	static final long WATCH_MILLIS = 100;
	private static final Logger log = LoggerFactory.getLogger(LocalInvalidationChannel.class);
	private static final Map<String, Set<NearCaches>> BY_DATABASE = new ConcurrentHashMap<>();

	private final NearCaches caches;
	private final String database;
	/** Where remote sessions are counted. */
	private final JdbcTemplate sharedDatabase;
	private volatile boolean running;
	private volatile Thread watcher;

	LocalInvalidationChannel(NearCaches caches, String database, DataSource sharedDatabase) {
		this.caches = caches;
		this.database = database;
		this.sharedDatabase = new JdbcTemplate(sharedDatabase);
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
		Thread thread = new Thread(this::watch, "gatehouse-near-cache-h2-watcher");
		thread.setDaemon(true);
		this.watcher = thread;
		thread.start();
	}

	/** Opens the caches while this JVM is alone on the database, closes them otherwise (and when unsure). */
	private void watch() {
		while (this.watcher == Thread.currentThread()) {
			boolean alone;
			try {
				alone = aloneOnTheDatabase();
			}
			catch (RuntimeException ex) {
				log.debug("Cannot tell whether another process uses the database: {}", ex.toString());
				alone = false;
			}
			if (alone && !this.caches.isOpen()) {
				this.caches.opened();
			}
			else if (!alone && this.caches.isOpen()) {
				this.caches.closed();
			}
			try {
				Thread.sleep(WATCH_MILLIS);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/** H2 lists every session of the database; those of other processes (and ours, when we are the remote one) name the TCP server. */
	private boolean aloneOnTheDatabase() {
		Boolean admin = this.sharedDatabase.queryForObject(
				"select is_admin from information_schema.users where user_name = current_user", Boolean.class);
		Integer remote = this.sharedDatabase.queryForObject(
				"select count(*) from information_schema.sessions where server is not null", Integer.class);
		// only an administrator sees the other sessions
		return Boolean.TRUE.equals(admin) && remote != null && remote == 0;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.watcher;
		this.watcher = null;
		if (thread != null) {
			thread.interrupt();
		}
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
		return "this process (embedded database, while no other process is connected through AUTO_SERVER)";
	}
}
