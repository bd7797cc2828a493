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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class LogoutFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private Browser loggedIn() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		return browser;
	}

	@Test
	void getShowsAConfirmationFormAndDoesNotLogOut() throws Exception {
		Browser browser = loggedIn();
		MvcResult page = browser.perform(get("/logout/"));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("<form").contains("method=\"post\"")
			.contains("name=\"_csrf\"");
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	void postWithoutCsrfTokenIsForbidden() throws Exception {
		Browser browser = loggedIn();
		assertThat(browser.perform(post("/logout/")).getResponse().getStatus()).isEqualTo(403);
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	void postEndsTheSessionAndClearsSiteData() throws Exception {
		Browser browser = loggedIn();
		String session = browser.cookie(Browser.SESSION_COOKIE);
		// over HTTPS, as in production: Spring's ClearSiteDataHeaderWriter only writes on secure requests
		MvcResult result = browser.perform(post("/logout/").with(csrf()).secure(true));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(result.getResponse().getHeader("Clear-Site-Data")).contains("\"cookies\"").contains("\"storage\"");
		assertThat(browser.cookie(Browser.SESSION_COOKIE)).as("session cookie deleted").isNull();
		assertThat(browser.isLoggedIn()).isFalse();

		Browser replay = new Browser(mvc);
		replay.setCookie(Browser.SESSION_COOKIE, session);
		assertThat(replay.isLoggedIn()).as("the old session is gone on the server").isFalse();
	}
}
