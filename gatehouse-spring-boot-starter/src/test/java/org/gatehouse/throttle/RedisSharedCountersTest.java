package org.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;

/** Two instances on one real Redis share their counters; also the one test of a lock ending in real time. */
class RedisSharedCountersTest {

	private static final String PASSWORD = "plum-orbit-lantern-42";

	private static String location(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(302);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void failuresThroughTwoInstancesAddUpToOneLock() throws Exception {
		Map<String, String> props = Map.of("gatehouse.session.redis-url", TestRedis.get().url(),
				"spring.datasource.url", "jdbc:h2:mem:throttle-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
				"gatehouse.throttle.account-lock", "PT3S");
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			assertThat(a.bean(AttemptCounters.class)).isInstanceOf(RedisAttemptCounters.class);
			String email = "redis-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
			a.bean(UserStore.class).create(email, null, a.bean(PasswordService.class).hashNew(PASSWORD), true);
			FormClient viaA = new FormClient();
			FormClient viaB = new FormClient();

			for (int i = 0; i < 5; i++) {
				assertThat(location(viaA.login(a.baseUrl(), email, "wrong-" + i))).isEqualTo("/login/?error=");
				assertThat(location(viaB.login(b.baseUrl(), email, "wrong-" + i))).isEqualTo("/login/?error=");
			}
			assertThat(location(viaA.login(a.baseUrl(), email, PASSWORD))).isEqualTo("/login/?throttled=");
			assertThat(location(viaB.login(b.baseUrl(), email, PASSWORD))).isEqualTo("/login/?throttled=");

			Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
			String after;
			do {
				Thread.sleep(500);
				after = location(viaB.login(b.baseUrl(), email, PASSWORD));
			} while (!after.equals("/") && Instant.now().isBefore(deadline));
			assertThat(after).as("the lock ends by itself").isEqualTo("/");

			for (int i = 0; i < 10; i++) {
				location(new FormClient().login(b.baseUrl(), email, "wrong-" + i));
			}
			assertThat(location(new FormClient().login(a.baseUrl(), email, PASSWORD))).isEqualTo("/login/?throttled=");
			b.bean(LoginThrottle.class).unlock(email);
			assertThat(location(new FormClient().login(a.baseUrl(), email, PASSWORD))).as("unlocked on both")
				.isEqualTo("/");
		}
	}
}
