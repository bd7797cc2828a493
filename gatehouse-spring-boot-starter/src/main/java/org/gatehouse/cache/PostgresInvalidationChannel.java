package org.gatehouse.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Invalidations over PostgreSQL's LISTEN/NOTIFY. A NOTIFY sent inside a transaction is delivered when it commits,
 * after the write it announces. One connection listens, on a thread of its own (a connection of its own, outside
 * the pool, when the pool is Hikari); when it is lost (the server restarted, the backend terminated) the caches are
 * bypassed until a new connection listens again.
 */
final class PostgresInvalidationChannel implements InvalidationChannel, SmartLifecycle {

	static final String CHANNEL = "gatehouse_near_cache";
	private static final Logger log = LoggerFactory.getLogger(PostgresInvalidationChannel.class);
	private static final int POLL_MILLIS = 500;
	private static final long RETRY_MILLIS = 1000;

	private final NearCaches caches;
	private final DataSource dataSource;
	private final JdbcTemplate jdbc;
	private volatile Thread listener;

	PostgresInvalidationChannel(NearCaches caches, DataSource dataSource) {
		this.caches = caches;
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		caches.use(this);
	}

	@Override
	public void publish(String message) {
		this.jdbc.query("select pg_notify(?, ?)", rs -> null, CHANNEL, message);
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::listen, "gatehouse-near-cache-listener");
		thread.setDaemon(true);
		this.listener = thread;
		thread.start();
	}

	private void listen() {
		while (this.listener == Thread.currentThread()) {
			try (Connection connection = ListenConnection.open(this.dataSource)) {
				try {
					listenOn(connection);
				}
				catch (SQLException | RuntimeException ex) {
					// a pool must not hand the lost connection out again
					connection.abort(Runnable::run);
					throw ex;
				}
			}
			catch (SQLException | RuntimeException ex) {
				this.caches.closed();
				if (this.listener == Thread.currentThread()) {
					log.warn("Near cache listening connection lost, retrying in {} ms: {}", RETRY_MILLIS, ex.toString());
					pause();
				}
			}
		}
		this.caches.closed();
	}

	private void listenOn(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LISTEN " + CHANNEL);
		}
		PGConnection pg = connection.unwrap(PGConnection.class);
		this.caches.opened();
		while (this.listener == Thread.currentThread()) {
			PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					this.caches.received(notification.getParameter());
				}
			}
		}
		this.caches.closed();
		try (Statement statement = connection.createStatement()) {
			statement.execute("UNLISTEN " + CHANNEL);
		}
	}

	private void pause() {
		try {
			Thread.sleep(RETRY_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.listener = null;
		}
	}

	@Override
	public void stop() {
		Thread thread = this.listener;
		this.listener = null;
		this.caches.closed();
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.listener != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1024;
	}

	@Override
	public String toString() {
		return "PostgreSQL LISTEN/NOTIFY channel " + CHANNEL;
	}
}
