package org.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library and Gatehouse share one database and each keeps its own schema history: the library's
 * V1 in Flyway's default history table, Gatehouse's migrations in gatehouse_schema_history.
 */
class SchemasTest extends LibraryTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@Test
	void theLibraryMigratesItsOwnV1IntoItsOwnHistory() {
		List<String> applied = jdbc.sql("select version || ' ' || description from flyway_schema_history"
				+ " where type = 'SQL' and success order by installed_rank").query(String.class).list();
		assertThat(applied).containsExactly("1 books");
		assertThat(jdbc.sql("select count(*) from book").query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void gatehouseMigratesItsTablesIntoItsOwnHistory() {
		List<String> scripts = jdbc.sql("select script from gatehouse_schema_history where type = 'SQL' and success")
			.query(String.class).list();
		assertThat(scripts).contains("V1__accounts.sql").doesNotContain("V1__books.sql");
		assertThat(jdbc.sql("select count(*) from gh_user").query(Integer.class).single()).isNotNull();
	}

	/** Settings that are the application's to make; the starter leaves them as Spring Boot's defaults. */
	@Test
	void theStarterSetsNoneOfTheApplicationsOwnSettings() {
		assertThat(List.of("spring.flyway.locations", "spring.flyway.table", "management.endpoints.web.base-path",
				"management.endpoints.web.exposure.include", "server.error.whitelabel.enabled",
				"server.error.include-message", "server.error.include-stacktrace",
				"management.observations.enable.http.server.requests", "springdoc.api-docs.path",
				"springdoc.paths-to-match"))
			.filteredOn(environment::containsProperty)
			.as("host-wide settings present in the library's environment although it did not set them")
			.isEmpty();
	}
}
