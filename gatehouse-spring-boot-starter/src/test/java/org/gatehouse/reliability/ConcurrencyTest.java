package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Races against a real PostgreSQL: many sign-ups of one address at once make exactly one
 * account (the others a clear 4xx, never a 5xx), and parallel logins of a user whose stored
 * hash needs upgrading all succeed and leave one valid upgraded hash.
 */
class ConcurrencyTest {

	static final String PASSWORD = "plum-orbit-lantern-42";

	static GatehouseInstance app;
	static HttpClient http;

	@BeforeAll
	static void start() {
		// all test requests come from 127.0.0.1 and sign up one address: the registration limits would answer 429;
		// explicit answers show which request created the account
		app = GatehouseInstance.start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "spring.mail.host", "127.0.0.1",
				"gatehouse.throttle.rate-limits.register-ip.max", "100000",
				"gatehouse.throttle.rate-limits.register-email.max", "100000",
				"gatehouse.features.return-generic-responses", "false"));
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void twoHundredApiRegistrationsOfOneEmailMakeOneAccount() throws Exception {
		String email = "race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
		List<HttpResponse<String>> answers = Race.race(200, 32, () -> http.send(
				HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/register")).timeout(Duration.ofSeconds(60))
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString()));

		assertOneAccountAndClearRefusals(email, answers, 201);
	}

	@Test
	void parallelPageSignUpsOfOneEmailMakeOneAccount() throws Exception {
		String email = "page-race-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		List<FormClient> browsers = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			FormClient browser = new FormClient();
			assertThat(browser.get(app.baseUrl() + "/signup/").statusCode()).isEqualTo(200);
			browsers.add(browser);
		}
		var next = new java.util.concurrent.atomic.AtomicInteger();
		List<HttpResponse<String>> answers = Race.race(browsers.size(), browsers.size(), () -> {
			FormClient browser = browsers.get(next.getAndIncrement());
			return browser.submit(app.baseUrl() + "/signup/", app.baseUrl() + "/signup/", Map.of("email", email,
					"username", "", "password", PASSWORD, "passwordConfirm", PASSWORD));
		});
		// the winner gets the "done" page, every loser the form again (200) with the "taken" message
		String statuses = answers.stream().map(r -> r.statusCode() + (r.body().contains("passwordConfirm") ? "-form" : ""))
			.toList().toString();
		assertThat(rows("select count(*) from gh_user where email_key = ?", UserStore.emailKey(email))).as(statuses)
			.isEqualTo(1);
		assertThat(answers).allSatisfy(r -> {
			assertThat(r.statusCode()).as(statuses).isEqualTo(200);
			assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
		});
		assertThat(answers.stream().filter(r -> !r.body().contains("passwordConfirm")).count()).as(statuses).isEqualTo(1);
	}

	@Test
	void parallelLoginsUpgradeALegacyHashOnce() throws Exception {
		String legacy = PasswordContext.builder().defaultScheme("pbkdf2_sha1")
			.rounds(Map.of("pbkdf2_sha1", 2000)).build().hash(PASSWORD); // the default 1.3M rounds x 20 is too slow here
		assertThat(legacy).startsWith("$pbkdf2$");
		String email = "upgrade-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = app.bean(UserStore.class).create(email, null, legacy, true);

		List<HttpResponse<String>> answers = Race.race(20, 20, () -> apiLogin(email));

		assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
		String stored = app.bean(UserStore.class).findById(id).orElseThrow().passwordHash();
		assertThat(stored).isNotEqualTo(legacy).startsWith("$pbkdf2-sha512$");
		var verification = app.bean(PasswordService.class).verify(PASSWORD, stored);
		assertThat(verification).isEqualTo(org.gatehouse.passwords.Verification.MATCH);
		assertThat(rows("select count(*) from gh_user where email_key = ?", UserStore.emailKey(email))).isEqualTo(1);
	}

	@Test
	void parallelLoginsUpgradeLowRoundsHash() throws Exception {
		String weak = PasswordContext.builder().defaultScheme("pbkdf2_sha512")
			.rounds(Map.of("pbkdf2_sha512", 500)).build().hash(PASSWORD);
		assertThat(weak).startsWith("$pbkdf2-sha512$500$");
		String email = "rounds-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = app.bean(UserStore.class).create(email, null, weak, true);
		List<HttpResponse<String>> answers = Race.race(20, 20, () -> apiLogin(email));
		assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
		String stored = app.bean(UserStore.class).findById(id).orElseThrow().passwordHash();
		assertThat(stored).startsWith("$pbkdf2-sha512$1000$");
		assertThat(app.bean(PasswordService.class).verify(PASSWORD, stored)).isEqualTo(org.gatehouse.passwords.Verification.MATCH);
	}

	private void assertOneAccountAndClearRefusals(String email, List<HttpResponse<String>> answers, int success) {
		String statuses = answers.stream().map(HttpResponse::statusCode).toList().toString();
		assertThat(rows("select count(*) from gh_user where email_key = ?", UserStore.emailKey(email))).as(statuses)
			.isEqualTo(1);
		assertThat(answers).noneSatisfy(r -> assertThat(r.statusCode()).isGreaterThanOrEqualTo(500));
		assertThat(answers.stream().filter(r -> r.statusCode() == success).count()).isEqualTo(1);
		assertThat(answers).allSatisfy(r -> {
			assertThat(r.statusCode()).as(r.body()).isIn(success, 200, 400, 409, 422);
			assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
		});
		if (success == 201) {
			assertThat(answers.stream().filter(r -> r.statusCode() != success))
				.allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(400));
		}
	}

	private static HttpResponse<String> apiLogin(String email) throws Exception {
		String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
		return http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/login")).timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static long rows(String sql, Object param) {
		return app.bean(JdbcClient.class).sql(sql).param(param).query(Long.class).single();
	}
}
