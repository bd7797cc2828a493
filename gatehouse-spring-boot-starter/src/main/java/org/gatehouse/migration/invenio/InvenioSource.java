package org.gatehouse.migration.invenio;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;

/**
 * The Invenio database, read-only: one connection in one read-only, repeatable-read transaction, so every
 * table is read from the same snapshot and nothing can be written. Rows are streamed with a cursor
 * (fetch size), never loaded whole.
 */
final class InvenioSource implements AutoCloseable {

	/** Makes a value of a result row, or throws. */
	interface RowMapper<T> {
		T map(ResultSet rs) throws SQLException;
	}

	/** Takes one batch of rows. */
	interface BatchHandler<T> {
		void handle(List<T> batch);
	}

	private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

	private final Connection connection;
	private final InvenioSchema schema;
	private final String name;

	private InvenioSource(Connection connection) throws SQLException {
		this.connection = connection;
		this.schema = InvenioSchema.detect(connection);
		try (var statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_database()")) {
			rs.next();
			this.name = rs.getString(1);
		}
	}

	static InvenioSource open(String jdbcUrl, String user, String password) throws SQLException {
		if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
			throw new IllegalArgumentException("--from must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
		}
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "gatehouse migrate invenio (read-only)");
		Connection connection = DriverManager.getConnection(jdbcUrl, properties);
		try {
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.execute("set transaction isolation level repeatable read, read only");
			}
			return new InvenioSource(connection);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/** The database's name, which tells apart the ids of two Invenio instances moved into one Gatehouse. */
	String name() {
		return name;
	}

	InvenioSchema schema() {
		return schema;
	}

	/** Package-private for the test that proves the connection cannot write. */
	Connection connection() {
		return connection;
	}

	/** Streams the query's rows to {@code handler} in batches of {@code batchSize}. */
	<T> void stream(String sql, int batchSize, RowMapper<T> mapper, BatchHandler<T> handler) {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setFetchSize(batchSize);
			try (ResultSet rs = statement.executeQuery()) {
				List<T> batch = new ArrayList<>(batchSize);
				while (rs.next()) {
					batch.add(mapper.map(rs));
					if (batch.size() == batchSize) {
						handler.handle(batch);
						batch = new ArrayList<>(batchSize);
					}
				}
				if (!batch.isEmpty()) {
					handler.handle(batch);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the Invenio database failed: " + ex.getMessage(), ex);
		}
	}

	long count(String sql) {
		try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Reading the Invenio database failed: " + ex.getMessage(), ex);
		}
	}

	/** Invenio writes naive UTC date-times (timestamp without time zone); read as UTC whatever the column type. */
	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column, UTC);
		return value == null ? null : value.toInstant();
	}

	@Override
	public void close() {
		try {
			connection.rollback();
			connection.close();
		}
		catch (SQLException ex) {
			// nothing was written; the server ends the transaction with the connection
		}
	}
}
