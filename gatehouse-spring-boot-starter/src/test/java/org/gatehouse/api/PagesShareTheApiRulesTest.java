package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HTML pages run on the same account services as the JSON API: change password,
 * recovery and confirmation through real forms with their session-bound CSRF field.
 */
@GatehouseServerTest
class PagesShareTheApiRulesTest {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	ApiTestUsers users;

	@Autowired
	void users(UserStore store, PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	@Test
	void changePasswordAndRecoveryPagesStillWork() {
		String email = ApiTestUsers.uniqueEmail();
		users.create(email);
		ApiClient browser = new ApiClient(port);
		assertThat(submit(browser, "/login/", "/login/", Map.of("login", email, "password", ApiTestUsers.PASSWORD))
			.status()).isEqualTo(302);

		ApiClient.Response wrong = submit(browser, "/account/settings/password/", "/account/settings/password/",
				Map.of("currentPassword", "nope-nope-nope-1", "password", "quartz-meadow-violin-77",
						"passwordConfirm", "quartz-meadow-violin-77"));
		assertThat(wrong.status()).isEqualTo(200);
		assertThat(wrong.body()).contains("The current password is not correct.");
		ApiClient.Response changed = submit(browser, "/account/settings/password/", "/account/settings/password/",
				Map.of("currentPassword", ApiTestUsers.PASSWORD, "password", "quartz-meadow-violin-77",
						"passwordConfirm", "quartz-meadow-violin-77"));
		assertThat(changed.body()).contains("Your password is changed");
		assertThat(browser.get("/api/me").status()).isEqualTo(200);

		ApiClient stranger = new ApiClient(port);
		assertThat(submit(stranger, "/lost-password/", "/lost-password/", Map.of("email", email)).status())
			.isEqualTo(200);
		String resetPath = URI.create(TestMail.awaitLink(email, 2)).getPath();
		ApiClient.Response reset = submit(stranger, resetPath, resetPath,
				Map.of("password", "harbor-cinnamon-glider-19", "passwordConfirm", "harbor-cinnamon-glider-19"));
		assertThat(reset.body()).contains("Your password is changed and all your sessions have been signed out");
		assertThat(browser.get("/api/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).post("/api/login",
				Map.of("email", email, "password", "harbor-cinnamon-glider-19")).status()).isEqualTo(200);
	}

	@Test
	void confirmationPagesStillWork() {
		String email = ApiTestUsers.uniqueEmail();
		new ApiClient(port).post("/api/register", Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		TestMail.awaitLink(email, 1);
		ApiClient browser = new ApiClient(port);
		assertThat(submit(browser, "/confirm/", "/confirm/", Map.of("email", email)).status()).isEqualTo(200);
		String path = URI.create(TestMail.awaitLink(email, 2)).getPath();
		assertThat(browser.get(path).status()).isEqualTo(200);
		assertThat(submit(browser, path, path, Map.of()).status()).isEqualTo(200);
		assertThat(browser.get(path).status()).isEqualTo(400);
	}

	/** GETs the form page for its CSRF field, then posts the form like a browser. */
	private static ApiClient.Response submit(ApiClient browser, String page, String action, Map<String, String> fields) {
		ApiClient.Response form = browser.get(page);
		Matcher csrf = CSRF_FIELD.matcher(form.body());
		assertThat(csrf.find()).as(form.body()).isTrue();
		Map<String, String> body = new LinkedHashMap<>(fields);
		body.put("_csrf", csrf.group(1));
		String encoded = body.entrySet().stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return browser.send(browser.request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded)));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
