package org.gatehouse.session;

import java.time.Clock;

import org.gatehouse.tasks.CleanupTask;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes expired sessions of the database store (their attributes go by cascade), in batches of separate
 * transactions, so a backlog of a million rows never holds one long transaction and logins go on meanwhile.
 * Replaces Spring Session's own clean-up, which every instance runs each minute as one single delete.
 */
public class ExpiredJdbcSessionsTask implements CleanupTask {

	static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final int batch;

	public ExpiredJdbcSessionsTask(JdbcTemplate jdbc, Clock clock) {
		this(jdbc, clock, BATCH);
	}

	ExpiredJdbcSessionsTask(JdbcTemplate jdbc, Clock clock, int batch) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.batch = batch;
	}

	@Override
	public String name() {
		return "expired-sessions";
	}

	@Override
	public int run() {
		long now = clock.millis();
		int total = 0;
		int deleted;
		do {
			deleted = jdbc.update("delete from spring_session where primary_id in (select primary_id from "
					+ "spring_session where expiry_time < ? order by expiry_time fetch first " + batch + " rows only)",
					now);
			total += deleted;
		}
		while (deleted == batch);
		return total;
	}
}
