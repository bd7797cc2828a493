package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.WebClient;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With the provider off (the default, as in the shared server context) the admin area has no clients page. */
@GatehouseServerTest
class OidcClientsPageOffTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void withoutTheProviderThereIsNoClientsPageNorALinkToIt() {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email, "admin");
		FormClient admin = new FormClient();
		String base = "http://localhost:" + port;
		admin.login(base, email, WebClient.PASSWORD);
		assertThat(admin.get(base + "/admin/users/").body()).contains("id=\"audit-link\"")
			.doesNotContain("oidc-clients-link");
		assertThat(admin.get(base + OidcClientsPageController.CLIENTS).statusCode()).isEqualTo(404);
		assertThat(admin.get(base + "/api/admin/oidc/clients").statusCode()).isEqualTo(404);
	}
}
