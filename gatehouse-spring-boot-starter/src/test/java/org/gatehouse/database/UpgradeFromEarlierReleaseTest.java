package org.gatehouse.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.gatehouse.account.JdbcUserStore;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/deployment.md, "Upgrading": a database that an earlier release migrated (Gatehouse's rows in
 * the application's flyway_schema_history) starts with this release without losing anything.
 */
class UpgradeFromEarlierReleaseTest {

	private static final String PASSWORD = "quartz-meadow-lantern-51";

	@ParameterizedTest
	@EnumSource(TestDatabases.class)
	void aDatabaseOfTheEarlierReleaseKeepsItsUsersAndRecordsGatehousesVersionsInItsOwnTable(TestDatabases database) {
		String url = database.newDatabase();
		DataSource old = database.dataSource(url);
		LegacyHistoryTest.migrateTheOldWay(old, database);
		String email = "upgrade-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String hash = PasswordContext.builder().defaultScheme("pbkdf2_sha512")
			.rounds(Map.of("pbkdf2_sha512", 1000)).build().hash(PASSWORD);
		new JdbcUserStore(JdbcClient.create(old), Clock.systemUTC()).create(email, null, hash, true);

		try (GatehouseInstance server = GatehouseInstance.start(Map.of("spring.datasource.url", url,
				"spring.datasource.username", database.username(), "spring.datasource.password", ""))) {
			FormClient browser = new FormClient();
			assertThat(browser.login(server.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
			HttpResponse<String> me = browser.get(server.baseUrl() + "/api/me");
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(me.body()).contains(email);
			JdbcTemplate jdbc = new JdbcTemplate(server.bean(DataSource.class));
			// the earlier release had migrated every file there is: Gatehouse's table starts at the newest of them
			String newest = jdbc.queryForObject("select version from flyway_schema_history where success "
					+ "order by installed_rank desc limit 1", String.class);
			assertThat(jdbc.queryForList("select version || ' ' || type from gatehouse_schema_history "
					+ "where type in ('SQL', 'BASELINE')", String.class)).containsExactly(newest + " BASELINE");
			assertThat(jdbc.queryForObject("select count(*) from gh_user where email = ?", Integer.class, email))
				.isEqualTo(1);
		}
	}
}
