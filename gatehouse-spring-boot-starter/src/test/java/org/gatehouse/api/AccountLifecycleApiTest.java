package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@GatehouseServerTest
class AccountLifecycleApiTest {

	static final String NEW_PASSWORD = "quartz-meadow-violin-77";
	static final String RESET_PASSWORD = "harbor-cinnamon-glider-19";

	@LocalServerPort
	int port;

	@Test
	void wholeAccountLifeCycleInJson() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient browser = new ApiClient(port);

		ApiClient.Response registered = browser.post("/api/register",
				Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		assertThat(registered.status()).as(registered.body()).isEqualTo(202);
		assertThat(browser.get("/api/me").status()).as("nobody is logged in at sign-up").isEqualTo(401);

		String token = lastPathSegment(TestMail.awaitLink(email, 1));
		assertThat(browser.get("/api/confirm-email?token=" + token).status()).as("only a POST confirms")
			.isBetween(400, 499);
		ApiClient.Response confirmed = browser.post("/api/confirm-email", Map.of("token", token));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(browser.post("/api/confirm-email", Map.of("token", token)).status()).isEqualTo(400);

		ApiClient laptop = new ApiClient(port);
		ApiClient.Response login = laptop.post("/api/login",
				Map.of("email", email, "password", ApiTestUsers.PASSWORD, "remember", true));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().path("email").asString()).isEqualTo(email);
		assertThat(laptop.cookie("csrftoken")).isPresent();
		assertThat(laptop.cookie("gatehouse_remember")).isPresent();
		String sessionAfterLogin = laptop.cookie("gatehouse_session").orElseThrow();

		JsonNode me = laptop.get("/api/me").json();
		assertThat(me.path("email").asString()).isEqualTo(email);
		assertThat(me.path("confirmed_at").isNull()).isFalse();
		assertThat(me.path("login_count").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(me.has("current_login_at")).isTrue();

		ApiClient.Response sessions = laptop.get("/api/sessions");
		assertThat(sessions.status()).isEqualTo(200);
		// the browser that registered is not logged in: that would tell a new address from a taken one
		assertThat(sessions.json().size()).isEqualTo(1);
		assertThat(sessions.json().get(0).path("current").asBoolean()).isTrue();

		ApiClient.Response wrongCurrent = laptop.post("/api/change-password",
				Map.of("password", "not-my-password-0", "new_password", NEW_PASSWORD));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

		ApiClient.Response changed = laptop.post("/api/change-password",
				Map.of("password", ApiTestUsers.PASSWORD, "new_password", NEW_PASSWORD));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(laptop.cookie("gatehouse_session").orElseThrow()).isNotEqualTo(sessionAfterLogin);
		assertThat(laptop.get("/api/sessions").json().size()).isEqualTo(1);
		assertThat(browser.get("/api/me").status()).isEqualTo(401);

		ApiClient.Response logout = laptop.post("/api/logout", "");
		assertThat(logout.status()).as(logout.body()).isEqualTo(204);
		assertThat(laptop.get("/api/me").status()).isEqualTo(401);

		ApiClient phone = new ApiClient(port);
		ApiClient.Response forgot = phone.post("/api/forgot-password", Map.of("email", email));
		ApiClient.Response forgotUnknown = phone.post("/api/forgot-password",
				Map.of("email", ApiTestUsers.uniqueEmail()));
		assertThat(forgot.status()).isEqualTo(200);
		assertThat(forgotUnknown.status()).isEqualTo(200);
		assertThat(forgotUnknown.body()).isEqualTo(forgot.body());

		// mail 2 is the password-change notice
		String resetToken = lastPathSegment(TestMail.awaitLink(email, 3));
		ApiClient.Response weak = phone.post("/api/reset-password", Map.of("token", resetToken, "password", "short"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
		ApiClient.Response reset = phone.post("/api/reset-password",
				Map.of("token", resetToken, "password", RESET_PASSWORD));
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		assertThat(phone.post("/api/reset-password", Map.of("token", resetToken, "password", RESET_PASSWORD))
			.status()).isEqualTo(400);

		assertThat(phone.post("/api/login", Map.of("email", email, "password", NEW_PASSWORD)).status())
			.isEqualTo(401);
		ApiClient.Response relogin = phone.post("/api/login", Map.of("username", email, "password", RESET_PASSWORD));
		assertThat(relogin.status()).isEqualTo(200);
	}

	@Test
	void registrationAnswersTheSameWhetherOrNotTheAddressOrUsernameIsTaken() {
		String email = ApiTestUsers.uniqueEmail();
		String username = "api" + email.substring(1, 9);
		ApiClient.Response created = new ApiClient(port).post("/api/register",
				Map.of("email", email, "username", username, "password", ApiTestUsers.PASSWORD));
		ApiClient.Response emailTaken = new ApiClient(port).post("/api/register",
				Map.of("email", email.toUpperCase(), "password", ApiTestUsers.PASSWORD));
		String other = ApiTestUsers.uniqueEmail();
		ApiClient.Response usernameTaken = new ApiClient(port).post("/api/register",
				Map.of("email", other, "username", username, "password", ApiTestUsers.PASSWORD));

		for (ApiClient.Response answer : List.of(created, emailTaken, usernameTaken)) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(202);
			assertThat(answer.body()).isEqualTo(created.body()).doesNotContain(email).doesNotContain(username);
		}
		// the owner's second mail: someone tried, with a link to log in
		assertThat(URI.create(TestMail.awaitLink(email, 2)).getPath()).isEqualTo("/login/");
		assertThat(URI.create(TestMail.awaitLink(other, 1)).getPath()).isEqualTo("/signup/");
		ApiClient.Response login = new ApiClient(port).post("/api/login",
				Map.of("email", other, "password", ApiTestUsers.PASSWORD));
		assertThat(login.status()).as("no account for the taken username").isEqualTo(401);
	}

	@Test
	void loginFailuresAreIndistinguishable() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient client = new ApiClient(port);
		client.post("/api/register", Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		ApiClient other = new ApiClient(port);
		ApiClient.Response wrong = other.post("/api/login", Map.of("email", email, "password", "wrong-password-00"));
		ApiClient.Response unknown = other.post("/api/login",
				Map.of("email", ApiTestUsers.uniqueEmail(), "password", "wrong-password-00"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.body()).isEqualTo(unknown.body());
		assertThat(wrong.contentType()).startsWith("application/problem+json");
	}

	@Test
	void registrationErrorsAreListedPerField() {
		ApiClient client = new ApiClient(port);
		ApiClient.Response invalid = client.post("/api/register",
				Map.of("email", "not-an-email", "username", "9lives", "password", "password123"));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.contentType()).startsWith("application/problem+json");
		assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("email", "username");
	}

	private static String lastPathSegment(String link) {
		String path = URI.create(link).getPath();
		return path.substring(path.lastIndexOf('/') + 1);
	}
}
