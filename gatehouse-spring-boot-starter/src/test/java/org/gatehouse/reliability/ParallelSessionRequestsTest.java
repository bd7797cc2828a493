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
import java.util.stream.Stream;

import org.gatehouse.account.PasswordService;
import org.gatehouse.account.UserStore;
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
		h2 = GatehouseInstance.start(Map.of("spring.datasource.url", "jdbc:h2:mem:parallel-" + UUID.randomUUID()
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

	/** Signs in through the login page, as a browser does: that request ends in a redirect. */
	private static String loggedInSessionCookie(GatehouseInstance app) {
		String email = "parallel-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		app.bean(UserStore.class).create(email, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
		FormClient browser = new FormClient();
		HttpResponse<String> login = browser.login(app.baseUrl(), email, PASSWORD);
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		return browser.cookies().getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("gatehouse_session")).map(c -> "gatehouse_session=" + c.getValue())
			.findFirst().orElseThrow();
	}
}
