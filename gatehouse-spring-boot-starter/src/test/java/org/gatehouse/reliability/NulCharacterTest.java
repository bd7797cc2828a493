package org.gatehouse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * U+0000 in request input against a real PostgreSQL, which refuses NUL in any text parameter
 * (H2, used by {@code HostileInputTest}, accepts it). wapiti found
 * {@code GET /admin/audit/?user=%2Fe%00} answered 500, and {@code /api/login} with a
 * {@code \u0000} in the JSON email did too. Query and form parameters with a NUL are now a 400
 * before anything runs; JSON values with a NUL match no account.
 */
class NulCharacterTest {

	static final String PASSWORD = "plum-orbit-lantern-42";

	static GatehouseInstance app;
	static FormClient admin;
	static HttpClient http;

	@BeforeAll
	static void start() {
		app = GatehouseInstance.start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "spring.mail.host", "127.0.0.1"));
		String email = "nul-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		UserStore users = app.bean(UserStore.class);
		long id = users.create(email, null, app.bean(PasswordService.class).hashNew(PASSWORD), true);
		users.addRole(id, "admin");
		admin = new FormClient();
		assertThat(admin.login(app.baseUrl(), email, PASSWORD).statusCode()).isEqualTo(302);
		assertThat(admin.get(app.baseUrl() + "/admin/audit/").statusCode()).isEqualTo(200);
		http = HttpClient.newHttpClient();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void queryParametersWithNulAreRefusedNot500() {
		for (String path : new String[] { "/admin/audit/?user=%2Fe%00", "/admin/audit/?user=a%00%40example.org",
				"/admin/users/?q=a%00b&by=username", "/admin/users/?q=a%00b&by=email", "/admin/users/?after=%00" }) {
			HttpResponse<String> answer = admin.get(app.baseUrl() + path);
			assertThat(answer.statusCode()).as(path).isEqualTo(400);
			assertThat(answer.body()).as(path).contains("NUL").doesNotContain("Exception");
		}
		// the same pages without the NUL still work for the logged-in admin
		assertThat(admin.get(app.baseUrl() + "/admin/audit/?user=%2Fe").statusCode()).isEqualTo(200);
		assertThat(admin.get(app.baseUrl() + "/admin/users/?q=ab&by=username").statusCode()).isEqualTo(200);
	}

	@Test
	void apiAnswersProblemJson() throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/csrf?x=%00"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void formFieldsWithNulAreRefused() {
		FormClient browser = new FormClient();
		HttpResponse<String> answer = browser.submit(app.baseUrl() + "/login/", Map.of("login", "a\u0000b",
				"password", PASSWORD));
		assertThat(answer.statusCode()).isEqualTo(400);
	}

	@Test
	void jsonValuesWithNulMatchNoAccount() throws Exception {
		// a login with a control character is refused outright (issue 23 item 2)
		assertThat(postJson("/api/login", "{\"email\":\"a\\u0000b\",\"password\":\"x\"}")).isEqualTo(400);
		assertThat(postJson("/api/login", "{\"email\":\"a\\u0000@example.org\",\"password\":\"x\"}")).isEqualTo(400);
		assertThat(postJson("/api/register", "{\"email\":\"n\\u0000@example.org\",\"username\":\"n\\u0000b\","
				+ "\"password\":\"" + PASSWORD + "\"}")).isBetween(400, 499);
		assertThat(postJson("/api/forgot-password", "{\"email\":\"n\\u0000@example.org\"}")).isLessThan(500);
		assertThat(postJson("/api/send-confirmation-email", "{\"email\":\"n\\u0000@example.org\"}")).isLessThan(500);
	}

	private static int postJson(String path, String json) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.body()).as(path).doesNotContain("Exception");
		return answer.statusCode();
	}
}
