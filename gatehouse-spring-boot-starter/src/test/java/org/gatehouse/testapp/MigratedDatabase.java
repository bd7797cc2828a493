package org.gatehouse.testapp;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Gatehouse's tables, migrated as at start-up, without an application around them: one in-memory H2 (PostgreSQL mode)
 * and one database in {@link TestPostgres} per test JVM, for tests of SQL that must run on both. Tests share them:
 * each makes its own users.
 */
public enum MigratedDatabase {

	H2, POSTGRESQL;

	private static final Map<MigratedDatabase, DataSource> migrated = new EnumMap<>(MigratedDatabase.class);

	public synchronized DataSource dataSource() {
		return migrated.computeIfAbsent(this, MigratedDatabase::migrate);
	}

	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	/** A new user row, for the tables that reference one. */
	public long newUser() {
		String email = "u" + UUID.randomUUID() + "@example.org";
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc().sql("insert into gh_user (email, email_key, created_at, updated_at, security_stamp) values (?, ?, ?, ?, 'stamp')")
			.params(email, email, now, now).update(key, "id");
		return key.getKeyAs(Long.class);
	}

	private static DataSource migrate(MigratedDatabase database) {
		String url;
		String username;
		String[] locations;
		if (database == H2) {
			url = "jdbc:h2:mem:migrated-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
			username = "sa";
			locations = new String[] { "classpath:db/gatehouse/migration" };
		}
		else {
			url = TestPostgres.get().newDatabase("migrated_");
			username = TestPostgres.get().username();
			locations = new String[] { "classpath:db/gatehouse/migration", "classpath:db/gatehouse/vendor/postgresql" };
		}
		try {
			DataSource dataSource = new SimpleDriverDataSource(DriverManager.getDriver(url), url, username, "");
			Flyway.configure().dataSource(dataSource).locations(locations).table("gatehouse_schema_history").load()
				.migrate();
			return dataSource;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
