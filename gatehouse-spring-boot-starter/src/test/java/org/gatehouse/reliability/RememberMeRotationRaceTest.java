package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Remember-me rotation on both databases: a browser's parallel requests with one cookie all log in and
 * the token is replaced once (compare-and-set), and the replaced token used after the grace is theft.
 */
class RememberMeRotationRaceTest {

	static final String PASSWORD = "quartz-meadow-violin-57";
	static final String COOKIE = "gatehouse_remember";

	static GatehouseInstance h2;
	static GatehouseInstance postgres;
	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	static void start() {
		h2 = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:remember-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"));
		postgres = GatehouseInstance.start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username()));
	}

	@AfterAll
	static void stop() {
		Stream.of(h2, postgres).filter(i -> i != null).forEach(GatehouseInstance::close);
	}

	static Stream<String> databases() {
		return Stream.of("h2", "postgres");
	}

	private static GatehouseInstance app(String database) {
		return database.equals("h2") ? h2 : postgres;
	}

	@ParameterizedTest
	@MethodSource("databases")
	void parallelRequestsWithOneCookieAllLogInAndTheTokenIsReplacedOnce(String database) throws Exception {
		GatehouseInstance app = app(database);
		String cookie = rememberedLogin(app).cookie();
		List<HttpResponse<String>> answers = Race.race(16, 16, () -> me(app, cookie));
		assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
		List<String> replacements = answers.stream().map(RememberMeRotationRaceTest::rememberCookie)
			.flatMap(Optional::stream).toList();
		assertThat(replacements).hasSize(1);
		assertThat(me(app, replacements.get(0)).statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@MethodSource("databases")
	void theReplacedTokenAfterTheGraceEndsEveryLogin(String database) throws Exception {
		GatehouseInstance app = app(database);
		Remembered login = rememberedLogin(app);
		HttpResponse<String> owner = me(app, login.cookie());
		String replaced = rememberCookie(owner).orElseThrow();
		Instant beyond = Instant.now().minus(Duration.ofMinutes(5));
		app.bean(JdbcClient.class).sql("update gh_remember_me set rotated_at = ? where user_id = ?")
			.params(OffsetDateTime.ofInstant(beyond, ZoneOffset.UTC), login.userId()).update();

		HttpResponse<String> copy = me(app, login.cookie());
		assertThat(copy.statusCode()).as(copy.body()).isEqualTo(401);
		assertThat(me(app, replaced).statusCode()).isEqualTo(401);
	}

	private record Remembered(long userId, String cookie) {
	}

	private static Remembered rememberedLogin(GatehouseInstance app) throws Exception {
		String email = "remember-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = app.bean(UserStore.class).create(email, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"remember\":true}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		return new Remembered(id, rememberCookie(login).orElseThrow());
	}

	/** GET /api/me with nothing but the remember-me cookie, as a browser after a restart. */
	private static HttpResponse<String> me(GatehouseInstance app, String rememberCookie) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/me"))
			.header("Cookie", COOKIE + "=" + rememberCookie).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Optional<String> rememberCookie(HttpResponse<String> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(COOKIE + "="))
			.map(c -> c.substring(COOKIE.length() + 1, c.indexOf(';'))).filter(v -> !v.isEmpty()).findFirst();
	}
}
