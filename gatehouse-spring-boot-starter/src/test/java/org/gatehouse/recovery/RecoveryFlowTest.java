package org.gatehouse.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.NEW_PASSWORD;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;

import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.Browser;
import org.gatehouse.account.Mails;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class RecoveryFlowTest {

	static final String RESET_SUBJECT = "Reset your password";
	static final String NOTICE_SUBJECT = "Your password was reset";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private MvcResult requestReset(String email) throws Exception {
		return new Browser(mvc).perform(post("/lost-password/").with(csrf()).param("email", email));
	}

	/** Asks for a reset link for a new user and returns the path of the link from the mail. */
	private String resetPath(String email) throws Exception {
		assertThat(requestReset(email).getResponse().getStatus()).isEqualTo(200);
		String path = URI.create(TestMail.awaitLink(email, 1)).getPath();
		assertThat(path).startsWith("/lost-password/").doesNotContain(email);
		return path;
	}

	private MvcResult postNewPassword(String path, String password) throws Exception {
		return new Browser(mvc).perform(post(path).with(csrf()).param("password", password)
			.param("passwordConfirm", password));
	}

	private static String normalised(MvcResult result, String email) throws Exception {
		return result.getResponse().getContentAsString().replace(email, "EMAIL")
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
	}

	@Test
	void sameAnswerForKnownAndUnknownAddressButMailOnlyForKnown() throws Exception {
		String known = uniqueEmail();
		AccountTestUsers.create(users, passwords, known, null);
		String unknown = uniqueEmail();

		MvcResult knownResult = requestReset(known);
		MvcResult unknownResult = requestReset(unknown);
		assertThat(knownResult.getResponse().getStatus()).isEqualTo(200);
		assertThat(unknownResult.getResponse().getStatus()).isEqualTo(200);
		assertThat(knownResult.getResponse().getContentAsString()).contains("we sent it a link");
		assertThat(normalised(unknownResult, unknown)).isEqualTo(normalised(knownResult, known));

		assertThat(TestMail.awaitLink(known, 1)).contains("/lost-password/");
		assertThat(TestMail.to(unknown)).isEmpty();
	}

	@Test
	void linkShowsFormAndSetsThePasswordOnce() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String path = resetPath(email);

		String stamp = users.findById(id).orElseThrow().securityStamp();
		MvcResult form = new Browser(mvc).perform(get(path));
		assertThat(form.getResponse().getStatus()).isEqualTo(200);
		assertThat(form.getResponse().getContentAsString()).contains("id=\"reset-form\"");
		assertThat(new Browser(mvc).perform(get(path)).getResponse().getStatus()).as("opening the link changes nothing")
			.isEqualTo(200);
		assertThat(users.findById(id).orElseThrow().securityStamp()).isEqualTo(stamp);

		MvcResult done = postNewPassword(path, NEW_PASSWORD);
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(done.getResponse().getContentAsString()).contains("Your password is changed");
		assertThat(passwords.verify(NEW_PASSWORD, users.findById(id).orElseThrow().passwordHash()).matches()).isTrue();

		Browser browser = new Browser(mvc);
		browser.login(email, NEW_PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		Browser old = new Browser(mvc);
		old.login(email, PASSWORD);
		assertThat(old.isLoggedIn()).isFalse();

		String hash = users.findById(id).orElseThrow().passwordHash();
		MvcResult again = postNewPassword(path, "another-fresh-passphrase-19");
		assertThat(again.getResponse().getStatus()).isEqualTo(400);
		assertThat(again.getResponse().getContentAsString()).contains("invalid");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
		assertThat(new Browser(mvc).perform(get(path)).getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void weakPasswordIsRefusedAndTheLinkStillWorks() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String path = resetPath(email);
		String hash = users.findById(id).orElseThrow().passwordHash();
		MvcResult weak = postNewPassword(path, "short");
		assertThat(weak.getResponse().getStatus()).isEqualTo(200);
		assertThat(weak.getResponse().getContentAsString()).contains("id=\"reset-form\"").contains("field-error");
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(hash);
		assertThat(postNewPassword(path, NEW_PASSWORD).getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void linkDiesWhenThePasswordChangesOtherwise() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String path = resetPath(email);
		users.changePassword(id, passwords.hashNew("changed-elsewhere-phrase-31"));
		assertThat(new Browser(mvc).perform(get(path)).getResponse().getStatus()).isEqualTo(400);
		assertThat(postNewPassword(path, NEW_PASSWORD).getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void linkDiesWhenTheAccountIsDeactivated() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String path = resetPath(email);
		users.setActive(id, false);
		assertThat(new Browser(mvc).perform(get(path)).getResponse().getStatus()).isEqualTo(400);
	}

	@Test
	void resetRevokesAllSessionsAndRememberMeAndSendsANotice() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser session = new Browser(mvc);
		session.login(email, PASSWORD);
		Browser remembered = new Browser(mvc);
		remembered.loginRemembered(email, PASSWORD);
		String rememberCookie = remembered.cookie(Browser.REMEMBER_COOKIE);
		assertThat(rememberCookie).isNotNull();
		assertThat(session.isLoggedIn()).isTrue();

		String path = resetPath(email);
		assertThat(postNewPassword(path, NEW_PASSWORD).getResponse().getStatus()).isEqualTo(200);

		assertThat(session.isLoggedIn()).isFalse();
		Browser cookieOnly = new Browser(mvc);
		cookieOnly.setCookie(Browser.REMEMBER_COOKIE, rememberCookie);
		assertThat(cookieOnly.isLoggedIn()).isFalse();
		Mails.awaitSubject(email, NOTICE_SUBJECT);
	}
}
