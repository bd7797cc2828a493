package org.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.NEW_PASSWORD;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.Mails;
import org.gatehouse.account.UserStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class ChangePasswordFlowTest {

	static final String PATH = "/account/settings/password/";
	static final String NOTICE_SUBJECT = "Your password was changed";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private static MvcResult change(Browser browser, String current, String password, String confirm)
			throws Exception {
		return browser.perform(post(PATH).with(csrf()).param("currentPassword", current).param("password", password)
			.param("passwordConfirm", confirm));
	}

	private Browser loggedIn(String email) throws Exception {
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		return browser;
	}

	@Test
	void anonymousIsSentToLogin() throws Exception {
		for (MvcResult result : new MvcResult[] { new Browser(mvc).perform(get(PATH)),
				change(new Browser(mvc), PASSWORD, NEW_PASSWORD, NEW_PASSWORD) }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).startsWith("/login/?next=");
		}
	}

	@Test
	void formIsShownToTheUser() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		MvcResult page = loggedIn(email).perform(get(PATH));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("id=\"change-form\"");
	}

	@Test
	void wrongCurrentPasswordIsAFormErrorAndChangesNothing() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		MvcResult result = change(loggedIn(email), "not-my-password-at-all", NEW_PASSWORD, NEW_PASSWORD);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("The current password is not correct.");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);

		MvcResult missing = loggedIn(email).perform(post(PATH).with(csrf()).param("password", NEW_PASSWORD)
			.param("passwordConfirm", NEW_PASSWORD));
		assertThat(missing.getResponse().getContentAsString()).contains("The current password is not correct.");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
	}

	@Test
	void newPasswordMustPassThePolicyAndMatchItsConfirmation() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String hash = users.findById(id).orElseThrow().passwordHash();
		Browser browser = loggedIn(email);

		MvcResult weak = change(browser, PASSWORD, "short", "short");
		assertThat(weak.getResponse().getStatus()).isEqualTo(200);
		assertThat(weak.getResponse().getContentAsString()).contains("id=\"change-form\"").contains("field-error");

		MvcResult mismatch = change(browser, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "x");
		assertThat(mismatch.getResponse().getContentAsString()).contains("The two passwords are not the same.");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
	}

	@Test
	void successChangesThePasswordRevokesOtherSessionsKeepsThisOneAndMailsANotice() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser here = loggedIn(email);
		Browser elsewhere = loggedIn(email);

		MvcResult result = change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString()).contains("Your password is changed.");

		assertThat(here.isLoggedIn()).as("the session that changed the password").isTrue();
		assertThat(elsewhere.isLoggedIn()).as("another session of the same user").isFalse();

		Browser withNew = new Browser(mvc);
		withNew.login(email, NEW_PASSWORD);
		assertThat(withNew.isLoggedIn()).isTrue();
		Browser withOld = new Browser(mvc);
		withOld.login(email, PASSWORD);
		assertThat(withOld.isLoggedIn()).isFalse();

		Mails.awaitSubject(email, NOTICE_SUBJECT);
	}

	@Test
	void sessionIdChangesWithThePassword() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser here = loggedIn(email);
		String before = here.cookie(Browser.SESSION_COOKIE);
		change(here, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
		assertThat(here.cookie(Browser.SESSION_COOKIE)).isNotEqualTo(before);
		Browser replay = new Browser(mvc);
		replay.setCookie(Browser.SESSION_COOKIE, before);
		assertThat(replay.isLoggedIn()).isFalse();
	}
}
