package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.session.UserSessions;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * Redis (the session store) stopped under a running instance: requests that need the session
 * fail closed with a clear 503, never a 500 and never as logged in; requests without a session
 * keep working; once Redis is back everything recovers within 10 s without a restart.
 */
class RedisOutageTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final String PROTECTED = "/account/settings/sessions/";

	@Test
	void failsClosedWith503AndRecovers() throws Exception {
		TestRedis redis = TestRedis.get();
		try (GatehouseInstance app = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:redis-outage-"
				+ UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.session.redis-url", redis.url(), "spring.mail.host", "127.0.0.1"))) {
			String email = "redis-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
			long userId = app.bean(UserStore.class).create(email, null,
					app.bean(PasswordService.class).hashNew(PASSWORD), true);
			try {
				outageAndRecovery(app, redis, email);
			}
			finally {
				// the Redis server is shared by the test JVM, the user id of a fresh H2 database is not unique
				app.bean(UserSessions.class).revokeAll(userId);
			}
		}
	}

	private static void outageAndRecovery(GatehouseInstance app, TestRedis redis, String email) throws Exception {
		FormClient browser = new FormClient();
		assertThat(browser.login(app.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get(app.baseUrl() + PROTECTED).statusCode()).isEqualTo(200);

		redis.stop();
		try {
			for (String path : new String[] { PROTECTED, "/api/me", "/account/settings/password/" }) {
				long started = System.nanoTime();
				HttpResponse<String> during = browser.get(app.baseUrl() + path);
				long millis = (System.nanoTime() - started) / 1_000_000;
				assertThat(during.statusCode()).as(path + ": " + during.body()).isEqualTo(503);
				assertThat(during.body()).contains("temporarily unavailable").doesNotContain("Exception")
					.doesNotContain("at org.");
				assertThat(during.headers().firstValue("Retry-After")).isPresent();
				assertThat(millis).as("answer time of " + path + " while Redis is down").isLessThan(10_000);
			}
			// a browser without a session cookie still gets pages that need no session
			HttpResponse<String> anonymous = new FormClient().get(app.baseUrl() + "/");
			assertThat(anonymous.statusCode()).as(anonymous.body()).isLessThan(500);
		}
		finally {
			redis.start();
		}
		long restarted = System.nanoTime();
		int status = 0;
		while (System.nanoTime() - restarted < 10_000_000_000L) {
			status = browser.get(app.baseUrl() + PROTECTED).statusCode();
			if (status != 503) {
				break;
			}
			Thread.sleep(200);
		}
		long recoveryMillis = (System.nanoTime() - restarted) / 1_000_000;
		System.out.println("RedisOutageTest: recovered after " + recoveryMillis + " ms with " + status);
		// TestRedis keeps no data: the old session is gone, so the browser is sent to log in again
		assertThat(status).isIn(200, 302);
		assertThat(browser.login(app.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(browser.get(app.baseUrl() + PROTECTED).statusCode()).isEqualTo(200);
	}
}
