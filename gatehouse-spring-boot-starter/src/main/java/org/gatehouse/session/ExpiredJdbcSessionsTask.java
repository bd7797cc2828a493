package org.gatehouse.session;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.gatehouse.tasks.CleanupTask;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes expired sessions of the database store (their attributes go by cascade), in batches of separate
 * transactions, so a backlog of a million rows never holds one long transaction and logins go on meanwhile.
 * Replaces Spring Session's own clean-up, which every instance runs each minute as one single delete.
 */
public class ExpiredJdbcSessionsTask implements CleanupTask {

	static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int batch;

	public ExpiredJdbcSessionsTask(DataSource dataSource, Clock clock) {
		this(dataSource, clock, BATCH);
	}

	ExpiredJdbcSessionsTask(DataSource dataSource, Clock clock, int batch) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
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
		List<String> expired;
		do {
			// ids first, then deletes by primary key: H2 re-runs a "delete ... where id in (select ... limit)"
			// subquery for every row it scans
			expired = jdbc.queryForList("select primary_id from spring_session where expiry_time < ? "
					+ "order by expiry_time fetch first " + batch + " rows only", String.class, now);
			List<String> ids = expired;
			total += transactions.execute(status -> {
				int deleted = 0;
				for (int[] counts : jdbc.batchUpdate("delete from spring_session where primary_id = ?", ids, ids.size(),
						(statement, id) -> statement.setString(1, id))) {
					for (int count : counts) {
						deleted += Math.max(count, 0);
					}
				}
				return deleted;
			});
		}
		while (expired.size() == batch);
		return total;
	}
}
