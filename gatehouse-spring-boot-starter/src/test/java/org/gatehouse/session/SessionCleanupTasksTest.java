package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import net.javacrumbs.shedlock.core.LockProvider;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.account.TrackingProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GatehouseIntegrationTest
class SessionCleanupTasksTest {

	@Autowired
	SessionActivityStore activity;

	@Autowired
	RememberMeTokenStore rememberMe;

	@Autowired
	UserStore users;

	@Autowired
	GatehouseProperties properties;

	@Autowired
	TrackingProperties tracking;

	@Autowired
	ObjectProvider<InMemoryIndexedSessionRepository> memory;

	@Autowired
	JdbcClient jdbc;

	final Instant now = Instant.parse("2030-01-01T12:00:00Z");

	@Test
	void sessionCleanerRemovesOnlyRecordsOfSessionsThatCannotBeAlive() {
		long user = newUser();
		String stale = activityAt(user, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(2)));
		String fresh = activityAt(user, now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));
		String tooOld = activityAt(user, now.minus(Duration.ofHours(13)), now.minus(Duration.ofMinutes(1)));
		rememberMe.save("expired-" + user, user, "t", now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(1)));
		rememberMe.save("valid-" + user, user, "t", now, now.plus(Duration.ofDays(29)));

		int removed = new SessionCleanerTask(activity, rememberMe, memory, properties, clock()).run();

		assertThat(removed).isGreaterThanOrEqualTo(3);
		assertThat(activity.find(stale)).isEmpty();
		assertThat(activity.find(tooOld)).isEmpty();
		assertThat(activity.find(fresh)).isPresent();
		assertThat(rememberMe.find("expired-" + user)).isEmpty();
		assertThat(rememberMe.find("valid-" + user)).isPresent();
	}

	@Test
	void deleteLoginIpsErasesOnlyAddressesOlderThanRetention() {
		long oldUser = newUser();
		long recentUser = newUser();
		jdbc.sql("update gh_user set current_login_ip = '192.0.2.1', current_login_at = ?, last_login_ip = '192.0.2.2', "
				+ "last_login_at = ? where id = ?")
			.params(at(now.minus(Duration.ofDays(40))), at(now.minus(Duration.ofDays(50))), oldUser).update();
		jdbc.sql("update gh_user set current_login_ip = '192.0.2.3', current_login_at = ? where id = ?")
			.params(at(now.minus(Duration.ofDays(2))), recentUser).update();
		String oldActivity = activityAt(oldUser, now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(40)));

		new DeleteLoginIpsTask(users, activity, tracking, clock()).run();

		User old = users.findById(oldUser).orElseThrow();
		assertThat(old.currentLoginIp()).isNull();
		assertThat(old.lastLoginIp()).isNull();
		assertThat(users.findById(recentUser).orElseThrow().currentLoginIp()).isEqualTo("192.0.2.3");
		assertThat(activity.find(oldActivity)).get().extracting(SessionActivity::ip).isNull();
	}

	private Clock clock() {
		return Clock.fixed(now, ZoneOffset.UTC);
	}

	private long newUser() {
		return users.create("t" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", null, null, true);
	}

	private String activityAt(long user, Instant created, Instant seen) {
		String hash = UUID.randomUUID().toString().replace("-", "");
		activity.upsert(new SessionActivity(hash, user, created, seen, "192.0.2.9", null, "Chrome", "1", "Linux",
				"Desktop"));
		return hash;
	}

	private static java.time.OffsetDateTime at(Instant instant) {
		return java.time.OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
