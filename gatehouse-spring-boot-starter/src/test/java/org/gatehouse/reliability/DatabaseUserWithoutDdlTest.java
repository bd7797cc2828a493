package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.tasks.CleanupRunner;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/deployment.md's database setup: Gatehouse migrates as the owner of the schema (spring.flyway.user), the running
 * server connects as a user that may read and write rows but not change the schema. Everything a server does at run
 * time (log in, sessions, activity, clean-up tasks) works with that user, and DDL is refused to it.
 */
class DatabaseUserWithoutDdlTest {

	static final String PASSWORD = "linen-harbor-cobalt-28";

	/** A database owned by its own role, with an application role that may only read and write rows. */
	private record RestrictedDatabase(String url, String owner, String app, String suffix) {

		static RestrictedDatabase create() throws Exception {
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String database = "restricted_" + suffix;
			String owner = "gh_owner_" + suffix;
			String app = "gh_app_" + suffix;
			TestPostgres postgres = TestPostgres.get();
			try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
					Statement sql = admin.createStatement()) {
				sql.execute("create role " + owner + " login");
				sql.execute("create role " + app + " login");
				sql.execute("create database " + database + " owner " + owner);
			}
			String url = postgres.jdbcUrl().replace("/gatehouse", "/" + database);
			// the statements docs/deployment.md gives, run as the owner
			try (Connection asOwner = DriverManager.getConnection(url, owner, "");
					Statement sql = asOwner.createStatement()) {
				sql.execute("revoke create on schema public from public");
				sql.execute("grant usage on schema public to " + app);
				sql.execute("alter default privileges in schema public grant select, insert, update, delete on tables to "
						+ app);
				sql.execute("alter default privileges in schema public grant usage, select on sequences to " + app);
			}
			return new RestrictedDatabase(url, owner, app, suffix);
		}
	}

	@Test
	void theServerRunsAsAUserWithoutDdlRightsAfterFlywayMigratedAsTheOwner() throws Exception {
		RestrictedDatabase db = RestrictedDatabase.create();
		try (GatehouseInstance server = GatehouseInstance.start(Map.of("spring.datasource.url", db.url(),
				"spring.datasource.username", db.app(), "spring.flyway.user", db.owner(), "spring.flyway.password", ""))) {
			String email = "ddl-" + db.suffix() + "@example.org";
			server.bean(UserStore.class).create(email, null, server.bean(PasswordService.class).hashNew(PASSWORD), true);
			FormClient browser = new FormClient();
			assertThat(browser.login(server.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
			HttpResponse<String> me = browser.get(server.baseUrl() + "/api/me");
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(browser.get(server.baseUrl() + "/account/settings/sessions/").statusCode()).isEqualTo(200);
			CleanupRunner tasks = server.bean(CleanupRunner.class);
			tasks.names().forEach(tasks::run);

			JdbcTemplate asApp = new JdbcTemplate(server.bean(DataSource.class));
			assertThat(asApp.queryForObject("select current_user", String.class)).isEqualTo(db.app());
			assertThatThrownBy(() -> asApp.execute("create table intruder (id int)")).rootCause()
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> asApp.execute("drop table gh_user")).rootCause().hasMessageContaining("must be owner");
		}
	}

	/**
	 * docs/configuration.md, gatehouse.database.migrate=false: the operator applies Gatehouse's SQL himself (here as
	 * the Flyway CLI would, with Gatehouse's locations and history table), and the server, connected as a user
	 * without DDL rights and given no migration user, starts and migrates nothing.
	 */
	@Test
	void withMigrateFalseTheServerStartsOnTheSchemaTheOperatorApplied() throws Exception {
		RestrictedDatabase db = RestrictedDatabase.create();
		Flyway.configure()
			.dataSource(db.url(), db.owner(), "")
			.locations("classpath:db/gatehouse/migration", "classpath:db/gatehouse/vendor/postgresql")
			.table("gatehouse_schema_history")
			.load()
			.migrate();

		try (GatehouseInstance server = GatehouseInstance.start(Map.of("spring.datasource.url", db.url(),
				"spring.datasource.username", db.app(), "gatehouse.database.migrate", "false",
				"spring.flyway.enabled", "false"))) {
			String email = "operator-ddl-" + db.suffix() + "@example.org";
			server.bean(UserStore.class).create(email, null, server.bean(PasswordService.class).hashNew(PASSWORD), true);
			FormClient browser = new FormClient();
			assertThat(browser.login(server.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
			assertThat(browser.get(server.baseUrl() + "/api/me").statusCode()).isEqualTo(200);
		}
	}
}
