package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Over real HTTP, since the error page is rendered by the container's error dispatch. */
@GatehouseServerTest
class AdminAreaForbiddenPageTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void aUserWithoutTheAdminRoleIsToldWhatIsMissing() {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		FormClient browser = new FormClient();
		String base = "http://localhost:" + port;
		browser.login(base, email, WebClient.PASSWORD);
		HttpResponse<String> admin = browser.get(base + "/admin/users/");
		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("This area needs the admin role.").doesNotContain("Sorry, that did not work");
	}
}
