package org.gatehouse.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.NEW_PASSWORD;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.Browser;
import org.gatehouse.account.Mails;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Setting up, removing and resetting factors: re-authentication, audit, mail, other sessions signed out. */
@GatehouseIntegrationTest
class FactorManagementTest {

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	MfaStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	MfaTestUsers mfaUsers;

	@BeforeEach
	void setUp() {
		mfaUsers = new MfaTestUsers(context);
	}

	private List<String> events(long userId) {
		return jdbc.sql("select event_type from gh_audit_log where subject_user_id = ? order by id").param(userId)
			.query(String.class).list();
	}

	private Browser signedIn(String email, byte[] secret, int offset) throws Exception {
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		if (secret != null) {
			browser.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
				.param("code", mfaUsers.code(secret, offset)));
		}
		assertThat(browser.isLoggedIn()).isTrue();
		return browser;
	}

	@Test
	void enrollingFromTheAccountPageNeedsAValidCodeAndSignsOutOtherSessions() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		Browser other = signedIn(email, null, 0);
		Browser browser = signedIn(email, null, 0);
		assertThat(browser.perform(get("/account/mfa/")).getResponse().getContentAsString()).contains("id=\"mfa-off\"");

		String page = browser.perform(get("/account/mfa/totp/")).getResponse().getContentAsString();
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).isTrue();
		byte[] key = Base32.decode(secret.group(1));
		assertThat(browser.perform(post("/account/mfa/totp/").with(csrf()).param("code", mfaUsers.wrongCode(key)))
			.getResponse().getStatus()).isEqualTo(422);
		assertThat(store.totp(id)).as("not enrolled before a valid code").isEmpty();

		MvcResult done = browser.perform(post("/account/mfa/totp/").with(csrf()).param("code", mfaUsers.code(key, 0)));
		assertThat(done.getResponse().getContentAsString()).contains("id=\"recovery-codes\"");
		assertThat(store.totp(id)).isPresent();
		assertThat(store.totp(id).orElseThrow().encryptedSecret()).as("stored encrypted").doesNotContain(secret.group(1));
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(other.isLoggedIn()).as("the other session is signed out").isFalse();
		Mails.awaitSubject(email, "Your two-step sign-in changed");
		assertThat(events(id)).contains("SECOND_FACTOR_ENROLLED", "RECOVERY_CODES_GENERATED");
		assertThat(browser.perform(get("/account/security-log/")).getResponse().getContentAsString())
			.contains("Two-step sign-in set up");
	}

	@Test
	void removingTheAppNeedsThePasswordAndACurrentCode() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser browser = signedIn(email, key, 0);
		MvcResult wrong = browser.perform(post("/account/mfa/totp/remove").with(csrf()).param("password", PASSWORD)
			.param("code", mfaUsers.wrongCode(key)));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(store.totp(id)).isPresent();
		MvcResult noPassword = browser.perform(post("/account/mfa/totp/remove").with(csrf()).param("password", "nope")
			.param("code", mfaUsers.code(key, 1)));
		assertThat(noPassword.getResponse().getStatus()).isEqualTo(422);
		assertThat(store.totp(id)).isPresent();

		MvcResult removed = browser.perform(post("/account/mfa/totp/remove").with(csrf()).param("password", PASSWORD)
			.param("code", mfaUsers.code(key, 1)));
		assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/account/mfa/?removed");
		assertThat(store.totp(id)).isEmpty();
		assertThat(events(id)).contains("SECOND_FACTOR_REMOVED");
		assertThat(new Browser(mvc).login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void wrongCodesInReauthenticationCountLikeWrongCodesAtTheSecondStep() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser browser = signedIn(email, key, 0);
		// someone holding the session and the password guesses codes: gatehouse.throttle.account-max-failures is 10
		for (int i = 0; i < 10; i++) {
			assertThat(browser.perform(post("/account/mfa/totp/remove").with(csrf()).param("password", PASSWORD)
				.param("code", mfaUsers.wrongCode(key))).getResponse().getStatus()).isEqualTo(422);
		}
		MvcResult locked = browser.perform(post("/account/mfa/totp/remove").with(csrf()).param("password", PASSWORD)
			.param("code", mfaUsers.code(key, 1)));
		assertThat(locked.getResponse().getStatus()).as("even the right code is refused now").isEqualTo(429);
		assertThat(store.totp(id)).isPresent();
		assertThat(events(id).stream().filter("SECOND_FACTOR_FAILURE"::equals)).hasSize(10);
		Browser login = new Browser(mvc);
		login.login(email, PASSWORD);
		assertThat(login.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(key, 2))).getResponse().getStatus())
			.as("and at the second step of a login too: one tally").isEqualTo(429);
	}

	@Test
	void aUserWithTheAppChangesTheirAddressAndConfirmsForSecurityKeysWithPasswordAndCode() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser browser = signedIn(email, key, 0);
		assertThat(browser.perform(get("/account/settings/email/")).getResponse().getContentAsString())
			.contains("id=\"email-change-code\"");
		assertThat(browser.perform(get("/account/settings/security-keys/")).getResponse().getContentAsString())
			.contains("id=\"webauthn-code\"");

		String newEmail = uniqueEmail();
		String refused = browser.perform(post("/account/settings/email/").with(csrf()).param("email", newEmail)
			.param("password", PASSWORD)).getResponse().getContentAsString();
		assertThat(refused).contains("The password or the code is not right.");
		assertThat(browser.perform(post("/account/settings/security-keys/confirm").with(csrf())
			.param("password", PASSWORD)).getResponse().getRedirectedUrl()).endsWith("wrong-password");
		assertThat(events(id)).as("a code left out is not a wrong code").doesNotContain("SECOND_FACTOR_FAILURE");

		String sent = browser.perform(post("/account/settings/email/").with(csrf()).param("email", newEmail)
			.param("password", PASSWORD).param("code", mfaUsers.code(key, 1))).getResponse().getContentAsString();
		assertThat(sent).doesNotContain("The password or the code is not right.");
		Mails.awaitSubject(newEmail, org.gatehouse.emailchange.ChangeEmailMails.CONFIRM_SUBJECT);
		// the app's next code is used up above: a recovery code answers too
		String recoveryCode = mfaUsers.recoveryCodes(id).get(0);
		assertThat(browser.perform(post("/account/settings/security-keys/confirm").with(csrf())
			.param("password", PASSWORD).param("code", recoveryCode)).getResponse().getRedirectedUrl())
			.endsWith("confirmed");
	}

	@Test
	void lockedCodesAreTooManyAttemptsNotAWrongPasswordWhereverTheyAreAsked() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		Browser browser = signedIn(email, key, 0);
		for (int i = 0; i < 10; i++) {
			browser.perform(post("/account/settings/security-keys/confirm").with(csrf()).param("password", PASSWORD)
				.param("code", mfaUsers.wrongCode(key)));
		}
		assertThat(browser.perform(post("/account/settings/email/").with(csrf()).param("email", uniqueEmail())
			.param("password", PASSWORD).param("code", mfaUsers.code(key, 1))).getResponse().getStatus())
			.isEqualTo(429);
	}

	@Test
	void anAdministratorResetsAUsersFactorsAfterConfirmingTheirPassword() throws Exception {
		String adminEmail = uniqueEmail();
		long adminId = mfaUsers.create(adminEmail);
		users.addRole(adminId, "admin");
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		mfaUsers.recoveryCodes(id);
		Browser user = signedIn(email, key, 0);
		Browser admin = signedIn(adminEmail, null, 0);

		MvcResult refused = admin.perform(post("/admin/users/" + id + "/mfa-reset").with(csrf()).param("password", "x"));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);
		assertThat(store.totp(id)).isPresent();

		MvcResult reset = admin.perform(post("/admin/users/" + id + "/mfa-reset").with(csrf())
			.param("password", PASSWORD));
		assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + id);
		assertThat(store.totp(id)).isEmpty();
		assertThat(store.unusedRecoveryCodes(id)).isZero();
		assertThat(user.isLoggedIn()).as("every session of the user ends").isFalse();
		Mails.awaitSubject(email, "Your two-step sign-in was reset");
		assertThat(jdbc.sql("select actor_user_id from gh_audit_log where subject_user_id = ? and event_type = ?")
			.params(id, "SECOND_FACTORS_RESET").query(Long.class).single()).isEqualTo(adminId);
		assertThat(new Browser(mvc).login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aPasswordResetByEmailKeepsTheFactors() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] key = mfaUsers.enrolTotp(id);
		new Browser(mvc).perform(post("/lost-password/").with(csrf()).param("email", email));
		String path = URI.create(TestMail.awaitLink(email, 1)).getPath();
		MvcResult done = new Browser(mvc).perform(post(path).with(csrf()).param("password", NEW_PASSWORD)
			.param("passwordConfirm", NEW_PASSWORD));
		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(store.totp(id)).isPresent();
		Browser browser = new Browser(mvc);
		assertThat(browser.login(email, NEW_PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login/second-factor/");
		assertThat(browser.isLoggedIn()).isFalse();
		assertThat(browser.perform(post("/login/second-factor/").with(csrf()).param("factor", "totp")
			.param("code", mfaUsers.code(key, 0))).getResponse().getRedirectedUrl()).isEqualTo("/");
	}
}
