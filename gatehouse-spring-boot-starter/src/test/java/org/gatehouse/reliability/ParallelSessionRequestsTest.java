package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.session.ExpiredJdbcSessionsTask;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A page that loads its scripts, styles and API calls at once right after login: the parallel first requests of
 * one session all add the same session attributes, which must not turn into duplicate-key 500s.
 */
class ParallelSessionRequestsTest {

	static final String PASSWORD = "quartz-meadow-violin-57";

	static GatehouseInstance h2;
	static GatehouseInstance postgres;
	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() {
		// every request writes its session back (as Spring Session does by default): the most saves in flight
		h2 = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:parallel-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.session.activity-write-interval", "0s"));
		postgres = GatehouseInstance.start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(),
				"gatehouse.session.activity-write-interval", "0s"));
	}

	@AfterAll
	static void stop() {
		Stream.of(h2, postgres).filter(i -> i != null).forEach(GatehouseInstance::close);
	}

	static Stream<String> databases() {
		return Stream.of("h2", "postgres");
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theFirstParallelRequestsOfANewSessionAllSucceed(String database) throws Exception {
		GatehouseInstance app = database.equals("h2") ? h2 : postgres;
		for (int round = 0; round < 3; round++) {
			String cookie = loggedInSessionCookie(app);
			List<HttpResponse<String>> answers = Race.race(24, 24, () -> http.send(
					HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/me")).header("Cookie", cookie)
						.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString()));
			assertThat(answers).allSatisfy(r -> {
				assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
				assertThat(r.body()).contains("\"email\"");
			});
		}
	}

	/**
	 * A session id that rotates (a new login in the same browser; later every privilege change) while requests of the
	 * session are in flight: the database store's save of each of those requests wrote back the session id it had
	 * loaded, so the rotation was undone, the new cookie named no session, and the user was logged out (401).
	 */
	@ParameterizedTest
	@MethodSource("databases")
	void aSessionIdRotatedWhileRequestsAreInFlightStaysTheSessionsId(String database) throws Exception {
		GatehouseInstance app = database.equals("h2") ? h2 : postgres;
		for (int round = 0; round < 4; round++) {
			String email = newUser(app, false);
			String cookie = loggedInSessionCookie(app, email);
			String csrf = csrfCookie(app, cookie);
			String withCsrf = cookie + "; " + csrf;
			AtomicInteger calls = new AtomicInteger();
			List<HttpResponse<String>> answers = Race.race(25, 25, () -> calls.getAndIncrement() == 12
					? http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/login"))
						.header("Cookie", withCsrf).header("X-CSRFToken", csrf.substring(csrf.indexOf('=') + 1))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\""
								+ PASSWORD + "\"}")).timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString())
					: me(app, withCsrf));
			HttpResponse<String> login = answers.stream().filter(r -> r.request().method().equals("POST")).findFirst()
				.orElseThrow();
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			String rotated = sessionCookie(login).orElseThrow();
			assertThat(rotated).isNotEqualTo(cookie);
			HttpResponse<String> after = me(app, rotated);
			assertThat(after.statusCode()).as("round " + round + ": the rotated session after the parallel requests")
				.isEqualTo(200);
		}
	}

	/**
	 * One administrator's session under parallel reads, activity writes (every request writes its session back in
	 * this class), failed re-authentications (audited, counted) and the expired-sessions clean-up: it survives with
	 * its login and its re-authentication mark. The successful re-authentication comes first, since it gives the
	 * session a new id (requests still carrying the old cookie then rightly find no session).
	 */
	@ParameterizedTest
	@MethodSource("databases")
	void oneSessionSurvivesParallelReadsWritesAndCleanUps(String database) throws Exception {
		GatehouseInstance app = database.equals("h2") ? h2 : postgres;
		String email = newUser(app, true);
		String loggedIn = loggedInSessionCookie(app, email);
		String firstCsrf = csrfCookie(app, loggedIn);
		HttpResponse<String> reauthenticated = reauthenticate(app, loggedIn + "; " + firstCsrf, firstCsrf, PASSWORD);
		assertThat(reauthenticated.statusCode()).as(reauthenticated.body()).isEqualTo(200);
		String cookie = sessionCookie(reauthenticated).orElseThrow();
		assertThat(cookie).as("re-authentication rotates the session id").isNotEqualTo(loggedIn);
		String csrf = csrfCookie(app, cookie);
		String withCsrf = cookie + "; " + csrf;
		ExpiredJdbcSessionsTask cleanUp = app.bean(ExpiredJdbcSessionsTask.class);
		AtomicInteger calls = new AtomicInteger();
		List<Integer> statuses = Race.race(300, 24, () -> {
			int call = calls.getAndIncrement();
			if (call % 10 == 0) {
				return cleanUp.run() >= 0 ? 200 : 500;
			}
			if (call % 50 == 5) {
				int wrong = reauthenticate(app, withCsrf, csrf, "wrong-password").statusCode();
				return wrong == 400 ? 200 : wrong;
			}
			return me(app, withCsrf).statusCode();
		});
		assertThat(statuses).allSatisfy(status -> assertThat(status).isEqualTo(200));
		HttpResponse<String> after = me(app, withCsrf);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).contains(email);
		// the re-authentication mark is still there: a privileged admin action runs without a password
		long self = app.bean(UserStore.class).findByEmail(email).orElseThrow().id();
		HttpResponse<String> unlock = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl()
				+ "/api/admin/users/" + self + "/unlock")).header("Cookie", withCsrf)
			.header("X-CSRFToken", csrf.substring(csrf.indexOf('=') + 1)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unlock.statusCode()).as(unlock.body()).isBetween(200, 299);
	}

	private static HttpResponse<String> reauthenticate(GatehouseInstance app, String cookies, String csrf,
			String password) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/admin/reauthenticate"))
			.header("Cookie", cookies).header("X-CSRFToken", csrf.substring(csrf.indexOf('=') + 1))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}"))
			.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> me(GatehouseInstance app, String cookie) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/me")).header("Cookie", cookie)
			.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The csrftoken cookie the API hands out with the session, as "csrftoken=value". */
	private static String csrfCookie(GatehouseInstance app, String sessionCookie) throws Exception {
		HttpResponse<String> me = me(app, sessionCookie);
		assertThat(me.statusCode()).isEqualTo(200);
		return me.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("csrftoken="))
			.map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
	}

	private static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_session="))
			.map(c -> c.substring(0, c.indexOf(';'))).filter(c -> !c.equals("gatehouse_session=")).reduce((a, b) -> b);
	}

	private static String newUser(GatehouseInstance app, boolean admin) {
		String email = "parallel-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = app.bean(UserStore.class).create(email, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
		if (admin) {
			app.bean(UserStore.class).addRole(id, "admin");
		}
		return email;
	}

	private static String loggedInSessionCookie(GatehouseInstance app) {
		return loggedInSessionCookie(app, newUser(app, false));
	}

	/** Signs in through the login page, as a browser does: that request ends in a redirect. */
	private static String loggedInSessionCookie(GatehouseInstance app, String email) {
		FormClient browser = new FormClient();
		HttpResponse<String> login = browser.login(app.baseUrl(), email, PASSWORD);
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		return browser.cookies().getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("gatehouse_session")).map(c -> "gatehouse_session=" + c.getValue())
			.findFirst().orElseThrow();
	}
}
