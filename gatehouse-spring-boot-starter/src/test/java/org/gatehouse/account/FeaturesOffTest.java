package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The one extra context: every optional account feature off. */
@GatehouseIntegrationTest
@TestPropertySource(properties = { "gatehouse.features.registerable=false", "gatehouse.features.recoverable=false",
		"gatehouse.features.confirmable=false", "gatehouse.features.changeable=false",
		"gatehouse.features.passwordless=false", "gatehouse.features.webauthn=false" })
class FeaturesOffTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void disabledPagesAnswer404() throws Exception {
		Browser anonymous = new Browser(mvc);
		for (String path : new String[] { "/signup/", "/lost-password/", "/confirm/", "/confirm/some-token",
				"/lost-password/some-token", "/login/email/", "/login/code/", "/login/link/",
				"/login/link/some-token" }) {
			assertThat(anonymous.perform(get(path)).getResponse().getStatus()).as(path).isEqualTo(404);
		}
		String email = uniqueEmail();
		assertThat(anonymous.perform(post("/signup/").with(csrf()).param("email", email).param("password", PASSWORD)
			.param("passwordConfirm", PASSWORD)).getResponse().getStatus()).isEqualTo(404);
		assertThat(users.findByEmail(email)).isEmpty();
		assertThat(anonymous.perform(post("/lost-password/").with(csrf()).param("email", email)).getResponse()
			.getStatus()).isEqualTo(404);
	}

	/** The JSON endpoints of a feature that is off do not exist either. */
	@Test
	void disabledApiEndpointsAnswer404() throws Exception {
		Browser anonymous = new Browser(mvc);
		String email = uniqueEmail();
		String[][] requests = { { "/api/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}" },
				{ "/api/forgot-password", "{\"email\":\"" + email + "\"}" },
				{ "/api/reset-password", "{\"token\":\"some-token\",\"password\":\"" + PASSWORD + "\"}" },
				{ "/api/send-confirmation-email", "{\"email\":\"" + email + "\"}" },
				{ "/api/confirm-email", "{\"token\":\"some-token\"}" },
				{ "/api/login/link", "{\"email\":\"" + email + "\"}" },
				{ "/api/login/code", "{\"email\":\"" + email + "\",\"code\":\"123456\"}" } };
		for (String[] request : requests) {
			assertThat(anonymous.perform(post(request[0]).contentType(MediaType.APPLICATION_JSON).content(request[1]))
				.getResponse().getStatus()).as(request[0]).isEqualTo(404);
		}
		assertThat(users.findByEmail(email)).isEmpty();
	}

	/** Security keys off: no passkey button, no WebAuthn endpoint, no Security keys page. */
	@Test
	void webauthnOffHasNoPasskeysAnywhere() throws Exception {
		Browser anonymous = new Browser(mvc);
		assertThat(anonymous.perform(get("/login/")).getResponse().getContentAsString()).doesNotContain("passkey");
		assertThat(anonymous.perform(post("/api/webauthn/authentication/options")).getResponse().getStatus())
			.isEqualTo(404);
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.perform(get("/account/settings/security-keys/")).getResponse().getStatus()).isEqualTo(404);
		assertThat(browser.perform(get("/")).getResponse().getContentAsString()).doesNotContain("nav-security-keys");
	}

	@Test
	void changePasswordAnswers404ToTheUser() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(browser.perform(get("/account/settings/password/")).getResponse().getStatus()).isEqualTo(404);
		assertThat(browser.perform(post("/account/settings/password/").with(csrf())
			.param("currentPassword", PASSWORD).param("password", "violet-harbour-compass-77")
			.param("passwordConfirm", "violet-harbour-compass-77")).getResponse().getStatus()).isEqualTo(404);
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
	}

	@Test
	void loginPageHasNoSignUpOrRecoveryLinks() throws Exception {
		String page = new Browser(mvc).perform(get("/login/")).getResponse().getContentAsString();
		assertThat(page).contains("id=\"login-form\"")
			.doesNotContain("link-register").doesNotContain("href=\"/signup/\"")
			.doesNotContain("link-forgot").doesNotContain("href=\"/lost-password/\"").doesNotContain("link-login-email");
	}

	@Test
	void unconfirmedUsersStillLogIn() throws Exception {
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(PASSWORD), false);
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
	}
}
