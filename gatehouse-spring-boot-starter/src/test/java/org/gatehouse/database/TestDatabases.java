package org.gatehouse.database;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.gatehouse.testapp.TestPostgres;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Empty databases of each kind Gatehouse supports, one per test. */
enum TestDatabases {

	H2 {
		@Override
		String newDatabase() {
			return "jdbc:h2:mem:migration-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		}

		@Override
		String username() {
			return "sa";
		}
	},
	POSTGRESQL {
		@Override
		String newDatabase() {
			return TestPostgres.get().newDatabase("migration_");
		}

		@Override
		String username() {
			return TestPostgres.get().username();
		}
	};

	/** The JDBC URL of a new, empty database. */
	abstract String newDatabase();

	abstract String username();

	String vendor() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	DataSource dataSource(String url) {
		try {
			return new SimpleDriverDataSource(DriverManager.getDriver(url), url, username(), "");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
