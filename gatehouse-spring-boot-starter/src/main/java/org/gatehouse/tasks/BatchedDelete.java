package org.gatehouse.tasks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the rows of one table that a condition selects, in batches of separate transactions, so a backlog never
 * holds one long transaction and the table stays usable meanwhile.
 */
public final class BatchedDelete {

	public static final int BATCH = 10_000;

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final int batch;

	public BatchedDelete(DataSource dataSource, int batch) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
		this.batch = batch;
	}

	/**
	 * Deletes from {@code table} every row {@code condition} (SQL with {@code ?} for the parameters) selects; an
	 * {@link Instant} parameter is compared with a {@code timestamp with time zone} column as UTC.
	 * @return how many rows went
	 */
	public int delete(String table, String idColumn, String condition, Object... parameters) {
		Object[] values = Arrays.stream(parameters)
			.map(value -> value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : value)
			.toArray();
		int total = 0;
		List<Object> ids;
		do {
			// ids first, then deletes by primary key: H2 re-runs a "delete ... where id in (select ... limit)"
			// subquery for every row it scans
			ids = jdbc.queryForList("select " + idColumn + " from " + table + " where " + condition
					+ " fetch first " + batch + " rows only", Object.class, values);
			List<Object> chosen = ids;
			total += transactions.execute(status -> {
				int deleted = 0;
				for (int[] counts : jdbc.batchUpdate("delete from " + table + " where " + idColumn + " = ?", chosen,
						chosen.size(), (statement, id) -> statement.setObject(1, id))) {
					for (int count : counts) {
						deleted += Math.max(count, 0);
					}
				}
				return deleted;
			});
		}
		while (ids.size() == batch);
		return total;
	}
}
