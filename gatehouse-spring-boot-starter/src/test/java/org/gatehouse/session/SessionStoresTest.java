package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * Every session store against the real thing: the embedded database (H2 file), memory,
 * PostgreSQL and a real Redis server. Where instances share a store, a session made on one
 * is honoured by the other, and a revocation on one is honoured by the other at once.
 */
class SessionStoresTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final String PROTECTED = "/account/settings/sessions/";

	@Test
	void embeddedDefaultSurvivesRestart() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-h2");
		Map<String, String> props = Map.of("spring.datasource.url",
				"jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		FormClient browser = new FormClient();
		String email = email();
		try (GatehouseInstance first = GatehouseInstance.start(props)) {
			assertThat(first.bean(UserSessions.class)).isNotNull();
			createUser(first, email);
			assertThat(browser.login(first.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
			assertLoggedIn(browser, first);
		}
		try (GatehouseInstance second = GatehouseInstance.start(props)) {
			// same port is not guaranteed, the cookie jar ignores ports: the old cookie goes along
			assertLoggedIn(browser, second);
		}
	}

	@Test
	void memoryStoreFindsAndRevokesSessions() {
		try (GatehouseInstance app = GatehouseInstance.start(Map.of("gatehouse.session.store", "memory",
				"spring.datasource.url", h2Memory()))) {
			revokeOnOneHonouredOnOther(app, app);
		}
	}

	@Test
	void postgresStoreIsSharedByTwoInstances() {
		Map<String, String> props = Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "gatehouse.session.store", "jdbc");
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			revokeOnOneHonouredOnOther(a, b);
			assertPrefixSearchUsesAnIndex(a);
			assertStoredAsJsonAndForgeriesRefused(a, StoredSessions.jdbc(a.bean(javax.sql.DataSource.class))
				.readBy(a.bean(org.gatehouse.cache.NearCaches.class)));
		}
	}

	/** The admin user search (email_key LIKE 'prefix%') must be an index scan, not a table scan. */
	private static void assertPrefixSearchUsesAnIndex(GatehouseInstance app) {
		org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(
				app.bean(javax.sql.DataSource.class));
		String plan = jdbc.execute((java.sql.Connection c) -> {
			c.setAutoCommit(false);
			try (var st = c.createStatement()) {
				st.execute("set local enable_seqscan = off");
				StringBuilder lines = new StringBuilder();
				try (var rs = st.executeQuery("explain select id from gh_user where email_key like 'ab%'")) {
					while (rs.next()) {
						lines.append(rs.getString(1)).append('\n');
					}
				}
				c.rollback();
				return lines.toString();
			}
		});
		assertThat(plan).contains("gh_user_email_key_prefix_ix").contains("Index Cond").doesNotContain("Seq Scan");
	}

	@Test
	void redisStoreIsSharedByTwoInstances() {
		Map<String, String> props = Map.of("spring.datasource.url", h2Memory(), "gatehouse.session.redis-url",
				TestRedis.get().url() + "/5"); // a database of its own: user ids of other tests' databases repeat
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			assertThat(a.bean(org.springframework.session.SessionRepository.class).getClass().getSimpleName())
				.isEqualTo("RedisIndexedSessionRepository");
			revokeOnOneHonouredOnOther(a, b);
			assertStoredAsJsonAndForgeriesRefused(a, StoredSessions.redis(
					a.bean(org.gatehouse.redis.GatehouseRedisConnection.class).factory())
				.readBy(a.bean(org.gatehouse.cache.NearCaches.class)));
		}
	}

	/** See SessionAttributeJsonTest, which runs the same checks on H2 with every kind of forgery. */
	private static void assertStoredAsJsonAndForgeriesRefused(GatehouseInstance app, StoredSessions store) {
		SessionStorageChecks checks = new SessionStorageChecks(app.baseUrl(), store, app.bean(SessionAttributeCodec.class),
				app.bean(UserStore.class), app.bean(PasswordService.class));
		checks.assertEveryAttributeOfARealSessionIsAllowListedJson();
		checks.assertForgedValueEndsTheSession(SessionStorageChecks.CONTEXT,
				SessionStorageChecks.json(SessionStorageChecks.FORGED_NESTED_GADGET));
		checks.assertForgedValueEndsTheSession("forged", SessionStorageChecks.javaSerialised(new GadgetProbe()));
	}

	/**
	 * Two browsers of one user; the session of the second is revoked through instance a, then used on b.
	 * The second logged in with "remember me": the store keeps which remember-me login the session has,
	 * and revoking the session ends that too, or the phone would be logged straight back in.
	 */
	private void revokeOnOneHonouredOnOther(GatehouseInstance a, GatehouseInstance b) {
		String email = email();
		createUser(a, email);
		FormClient laptop = new FormClient();
		FormClient phone = new FormClient();
		assertThat(laptop.login(a.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(phone.submit(a.baseUrl() + "/login/", Map.of("login", email, "password", PASSWORD, "remember", "true"))
			.statusCode()).isEqualTo(302);
		assertLoggedIn(phone, b);
		assertLoggedIn(laptop, b);

		long userId = a.bean(UserStore.class).findByEmail(email).orElseThrow().id();
		List<SessionView> sessions = b.bean(UserSessions.class).list(userId, null);
		assertThat(sessions).hasSize(2);

		HttpResponse<String> page = laptop.get(a.baseUrl() + PROTECTED);
		assertThat(page.body()).contains("This session");
		// the current row has no revoke form, so the id with a revoke action is the phone's
		String other = sessions.stream().map(SessionView::id).filter(id -> page.body().contains(id + "/revoke"))
			.findFirst().orElseThrow();
		HttpResponse<String> revoked = laptop.submit(a.baseUrl() + PROTECTED, a.baseUrl() + PROTECTED + other + "/revoke",
				Map.of());
		assertThat(revoked.statusCode()).isEqualTo(302);

		assertLoggedIn(laptop, b);
		HttpResponse<String> afterRevoke = phone.get(b.baseUrl() + PROTECTED);
		assertThat(afterRevoke.statusCode()).isEqualTo(302);
		assertThat(afterRevoke.headers().firstValue("Location")).get().asString().contains("/login/");
		assertThat(b.bean(UserSessions.class).list(userId, null)).hasSize(1);
	}

	private static void assertLoggedIn(FormClient browser, GatehouseInstance app) {
		HttpResponse<String> page = browser.get(app.baseUrl() + PROTECTED);
		assertThat(page.statusCode()).as("logged in on " + app.baseUrl()).isEqualTo(200);
	}

	private static void createUser(GatehouseInstance app, String email) {
		app.bean(UserStore.class).create(email, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
	}

	private static String email() {
		return "s" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private static String h2Memory() {
		return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
	}
}
