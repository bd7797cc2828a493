package org.gatehouse.migration.invenio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.gatehouse.testapp.TestPostgres;

/**
 * Invenio databases in the test PostgreSQL server: Invenio-Accounts' schema at a revision
 * (src/test/resources/invenio/schema-REVISION.sql, written from the Alembic revisions) with the data
 * make_invenio_data.py generated with passlib (data-REVISION.sql).
 */
final class InvenioDatabases {

	/** SECRET_KEY (and SECURITY_PASSWORD_SALT) of the generated data. */
	static final String SECRET_KEY = "invenio-test-secret-key-CHANGE-ME-4f1c9a";

	private InvenioDatabases() {
	}

	/** A new database with the schema and data of {@code revision}; returns its JDBC URL. */
	static String create(String revision, String... extraSql) {
		return create(List.of("invenio/schema-" + revision + ".sql", "invenio/data-" + revision + ".sql"), extraSql);
	}

	static String create(List<String> resources, String... extraSql) {
		String url = newDatabase("invenio_");
		try (Connection connection = DriverManager.getConnection(url, TestPostgres.get().username(), "");
				Statement sql = connection.createStatement()) {
			for (String resource : resources) {
				sql.execute(read(resource));
			}
			for (String extra : extraSql) {
				sql.execute(extra);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return url;
	}

	/** A new, empty database; returns its JDBC URL. */
	static String newDatabase(String prefix) {
		return TestPostgres.get().newDatabase(prefix);
	}

	static String read(String resource) {
		try (InputStream in = InvenioDatabases.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("No resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
