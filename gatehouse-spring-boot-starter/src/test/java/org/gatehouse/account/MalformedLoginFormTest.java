package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 23 item 2 on the login page, over real HTTP: a login with a control character is a 400 form error. */
@GatehouseServerTest
class MalformedLoginFormTest {

	private static final String PASSWORD = "plum-orbit-lantern-42";

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void controlCharacterAnywhereInTheLoginIsAFormErrorWithStatus400() {
		String email = "f" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		users.create(email, null, passwords.hashNew(PASSWORD), true);
		for (String login : List.of("\u0001" + email, email + "\u001f", email.replace("@", "\u007f@"))) {
			FormClient browser = new FormClient();
			HttpResponse<String> answer = browser.login("http://localhost:" + port, login, PASSWORD);
			assertThat(answer.statusCode()).as(login).isEqualTo(400);
			assertThat(answer.body()).contains("id=\"login-form\"", "id=\"login-malformed\"",
					"An email address or username cannot contain control characters.")
				.doesNotContain("The email/username or password is not correct.");
			assertThat(browser.get("http://localhost:" + port + "/account/settings/sessions/").statusCode())
				.as("not logged in").isEqualTo(302);
		}
	}
}
