package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;

import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.mail.MailProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class FirstAdminSetupTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	FirstAdminSetup setup;

	@Test
	void theSetupLinkCreatesOneAdminOnce() throws Exception {
		String token = setup.issue();
		WebClient visitor = new WebClient(mvc);
		assertThat(visitor.status(get("/setup/" + token))).isEqualTo(200);
		String email = WebClient.uniqueEmail();
		assertThat(visitor.status(post("/setup/" + token).with(csrf()).param("email", email)
			.param("password", WebClient.PASSWORD).param("passwordConfirm", WebClient.PASSWORD))).isEqualTo(200);
		assertThat(users.findByEmail(email).orElseThrow().roles()).containsExactly("admin");

		String other = WebClient.uniqueEmail();
		assertThat(visitor.status(post("/setup/" + token).with(csrf()).param("email", other)
			.param("password", WebClient.PASSWORD).param("passwordConfirm", WebClient.PASSWORD))).isEqualTo(404);
		assertThat(users.findByEmail(other)).isEmpty();
		assertThat(visitor.status(get("/setup/" + token))).isEqualTo(404);
	}

	@Test
	void wrongTokensDoNothing() throws Exception {
		setup.issue();
		assertThat(new WebClient(mvc).status(get("/setup/not-the-token"))).isEqualTo(404);
	}

	@Test
	void productionNeverMakesASetupLink() {
		GatehouseProperties production = new GatehouseProperties();
		production.setMode(GatehouseProperties.Mode.PRODUCTION);
		FirstAdminSetup inProduction = new FirstAdminSetup(users, production, new MailProperties(), Clock.systemUTC());
		assertThat(inProduction.issue()).isNull();
		assertThat(inProduction.isValid(null)).isFalse();
	}
}
