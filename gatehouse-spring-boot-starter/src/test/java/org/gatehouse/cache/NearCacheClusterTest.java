package org.gatehouse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.sql.DataSource;

import io.lettuce.core.KillArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import org.gatehouse.account.CredentialRevocation;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.BanService;
import org.gatehouse.admin.RoleAssignments;
import org.gatehouse.password.PasswordService;
import org.gatehouse.redis.GatehouseRedisConnection;
import org.gatehouse.session.UserSessions;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;

/**
 * The near cache of sessions and users against real stores, with two instances sharing them: B answers from memory,
 * every write on A (logout, revocation, ban, role change, password change) reaches B within the bound, and with the
 * invalidation channel down B reads the store on every request until the channel is back.
 */
class NearCacheClusterTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	/** The documented bound is 50 ms on loopback; the shared test machine gets slack. */
	static final Duration BOUND = Duration.ofSeconds(2);

	@Test
	void embeddedDatabaseOneProcess() {
		try (GatehouseInstance app = GatehouseInstance.start(Map.of("spring.datasource.url", h2Memory()))) {
			everyWriteOnAReachesB(app, app);
		}
	}

	/**
	 * The server's default: an H2 file with AUTO_SERVER, which the command line (another process) opens beside the
	 * server. While another process is connected the cache is closed, so what it writes is seen at once.
	 */
	@Test
	void embeddedDatabaseSharedWithAnotherProcess() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-h2");
		String url = "jdbc:h2:file:" + dir.resolve("db")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		try (GatehouseInstance app = GatehouseInstance.start(Map.of("spring.datasource.url", url))) {
			everyWriteOnAReachesB(app, app);
			Login login = login(app, app);
			Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), CommandLineLikeWriter.class.getName(), url, databaseUser(app),
					"delete from spring_session where principal_name = '" + login.userId() + "'")
				.redirectErrorStream(true).start();
			String output = new String(other.getInputStream().readAllBytes());
			assertThat(other.waitFor()).as(output).isZero();
			awaitOnB(login, app, "a deletion by another process", r -> r.statusCode() == 401);
			awaitOpen(app);
			Login afterwards = login(app, app);
			deleteBehindGatehousesBack(app, afterwards.userId());
			assertThat(me(afterwards.browser(), app).statusCode()).as("alone again: served from memory").isEqualTo(200);
		}
	}

	@Test
	void redisSessionsTwoInstances() {
		Map<String, String> props = Map.of("spring.datasource.url", h2Memory(), "gatehouse.session.redis-url",
				TestRedis.get().url() + "/6");
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			everyWriteOnAReachesB(a, b);
			channelDownMeansStoreReads(a, b, () -> {
				RedisClient client = (RedisClient) ((LettuceConnectionFactory) a.bean(GatehouseRedisConnection.class)
					.factory()).getRequiredNativeClient();
				try (StatefulRedisConnection<String, String> redis = client.connect()) {
					redis.sync().clientKill(KillArgs.Builder.typePubsub());
				}
			});
		}
	}

	@Test
	void postgresTwoInstances() {
		Map<String, String> props = Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "gatehouse.session.store", "jdbc");
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			everyWriteOnAReachesB(a, b);
			channelDownMeansStoreReads(a, b, () -> new JdbcTemplate(a.bean(DataSource.class)).queryForList(
					"select pg_terminate_backend(pid) from pg_stat_activity where query = 'LISTEN "
							+ PostgresInvalidationChannel.CHANNEL + "'"));
		}
	}

	private void everyWriteOnAReachesB(GatehouseInstance a, GatehouseInstance b) {
		awaitOpen(a);
		awaitOpen(b);
		// B answers from memory: a session deleted behind Gatehouse's back (no invalidation) still works there
		Login cached = login(a, b);
		deleteBehindGatehousesBack(a, cached.userId());
		assertThat(me(cached.browser(), b).statusCode()).as("served from B's near cache").isEqualTo(200);

		Login loggedOut = login(a, b);
		loggedOut.browser().submit(a.baseUrl() + "/account/settings/sessions/", a.baseUrl() + "/logout/", Map.of());
		awaitOnB(loggedOut, b, "logout", r -> r.statusCode() == 401);

		Login revoked = login(a, b);
		a.bean(UserSessions.class).revokeAllExcept(revoked.userId(), null);
		awaitOnB(revoked, b, "revocation", r -> r.statusCode() == 401);

		Login banned = login(a, b);
		a.bean(BanService.class).ban(null, banned.userId());
		awaitOnB(banned, b, "ban", r -> r.statusCode() == 401);

		Login promoted = login(a, b);
		a.bean(RoleAssignments.class).add(null, promoted.userId(), "auditor");
		awaitOnB(promoted, b, "role added", r -> r.statusCode() == 200 && r.body().contains("\"auditor\""));
		a.bean(RoleAssignments.class).remove(null, a.bean(UserStore.class).findById(promoted.userId()).orElseThrow(),
				"auditor");
		awaitOnB(promoted, b, "role removed", r -> r.statusCode() == 401);

		Login passwordChanged = login(a, b);
		a.bean(UserStore.class).changePassword(passwordChanged.userId(),
				a.bean(PasswordService.class).hashNew("another-" + PASSWORD));
		a.bean(CredentialRevocation.class).afterPasswordChange(passwordChanged.userId(), null);
		awaitOnB(passwordChanged, b, "password change", r -> r.statusCode() == 401);
	}

	/**
	 * With the channel killed B cannot hear invalidations: it bypasses its cache, so even a deletion that sends
	 * none is honoured at once; when the channel is back, B serves from memory again.
	 */
	private void channelDownMeansStoreReads(GatehouseInstance a, GatehouseInstance b, Runnable killChannel) {
		awaitOpen(b);
		killChannel.run();
		Instant deadline = Instant.now().plus(BOUND);
		while (b.bean(NearCaches.class).isOpen()) {
			assertThat(Instant.now()).as("B notices the channel is down").isBefore(deadline);
			Thread.onSpinWait();
		}
		Login whileDown = login(a, b);
		deleteBehindGatehousesBack(a, whileDown.userId());
		if (!b.bean(NearCaches.class).isOpen()) {
			assertThat(me(whileDown.browser(), b).statusCode()).as("channel down: B reads the store").isEqualTo(401);
		}

		awaitOpen(b);
		Login afterReconnect = login(a, b);
		deleteBehindGatehousesBack(a, afterReconnect.userId());
		assertThat(me(afterReconnect.browser(), b).statusCode()).as("channel back: B serves from memory again")
			.isEqualTo(200);
	}

	private static void awaitOpen(GatehouseInstance app) {
		Instant deadline = Instant.now().plusSeconds(15);
		while (!app.bean(NearCaches.class).isOpen()) {
			assertThat(Instant.now()).as("near cache channel open on " + app.baseUrl()).isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private static void awaitOnB(Login login, GatehouseInstance b, String write, Predicate<HttpResponse<String>> seen) {
		Instant deadline = Instant.now().plus(BOUND);
		HttpResponse<String> answer = me(login.browser(), b);
		while (!seen.test(answer)) {
			assertThat(Instant.now()).as(write + " on A seen on B within " + BOUND + "; last answer " + answer.statusCode()
					+ " " + answer.body()).isBefore(deadline);
			answer = me(login.browser(), b);
		}
	}

	/** A new user logged in on A, whose session and user B has read twice (so both are in B's cache). */
	static Login login(GatehouseInstance a, GatehouseInstance b) {
		String email = "n" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = a.bean(UserStore.class).create(email, null, a.bean(PasswordService.class).hashNew(PASSWORD), true);
		FormClient browser = new FormClient();
		assertThat(browser.login(a.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(me(browser, b).statusCode()).isEqualTo(200);
		assertThat(me(browser, b).statusCode()).isEqualTo(200);
		return new Login(browser, id);
	}

	private static String databaseUser(GatehouseInstance app) {
		return new JdbcTemplate(app.bean(DataSource.class)).execute(
				(java.sql.Connection connection) -> connection.getMetaData().getUserName());
	}

	@SuppressWarnings("unchecked")
	private static void deleteBehindGatehousesBack(GatehouseInstance app, long userId) {
		FindByIndexNameSessionRepository<?> store = app.bean(FindByIndexNameSessionRepository.class);
		store.findByPrincipalName(Long.toString(userId)).keySet().forEach(store::deleteById);
	}

	static HttpResponse<String> me(FormClient browser, GatehouseInstance app) {
		return browser.get(app.baseUrl() + "/api/me");
	}

	private static String h2Memory() {
		return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
	}

	record Login(FormClient browser, long userId) {
	}

	/** Another process on the same H2 file, as the command line is: it connects, starts up, writes, and exits. */
	static final class CommandLineLikeWriter {

		public static void main(String[] args) throws Exception {
			try (java.sql.Connection connection = java.sql.DriverManager.getConnection(args[0], args[1], "")) {
				Thread.sleep(LocalInvalidationChannel.WATCH_MILLIS * 5);
				connection.createStatement().executeUpdate(args[2]);
			}
		}
	}
}
