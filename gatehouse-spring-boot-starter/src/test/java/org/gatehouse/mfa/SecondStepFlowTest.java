package org.gatehouse.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.gatehouse.account.Browser;
import org.gatehouse.account.Mails;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The login's second step with TOTP and recovery codes, in the shared context (no role policy there). */
@GatehouseIntegrationTest
class SecondStepFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	MfaTestUsers mfaUsers;

	@BeforeEach
	void setUp() {
		mfaUsers = new MfaTestUsers(context);
	}

	private MvcResult answer(Browser browser, String factor, String code) throws Exception {
		return browser.perform(post("/login/second-factor/").with(csrf()).param("factor", factor).param("code", code));
	}

	@Test
	void passwordAloneDoesNotSignInAnAccountWithTotp() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		byte[] secret = mfaUsers.enrolTotp(id);
		Browser browser = new Browser(mvc);

		MvcResult login = browser.login(email, PASSWORD);
		assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		assertThat(browser.isLoggedIn()).isFalse();
		MvcResult page = browser.perform(get("/login/second-factor/"));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("id=\"totp-form\"");

		MvcResult wrong = answer(browser, "totp", mfaUsers.wrongCode(secret));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(422);
		assertThat(wrong.getResponse().getContentAsString()).contains("id=\"second-step-error\"");
		assertThat(browser.isLoggedIn()).isFalse();

		String before = browser.sessionId();
		MvcResult right = answer(browser, "totp", mfaUsers.code(secret, 0));
		assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(browser.sessionId()).isNotEqualTo(before);
	}

	@Test
	void aCodeIsAcceptedOnceEvenFromAnotherBrowser() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		String code = mfaUsers.code(secret, 0);
		Browser first = new Browser(mvc);
		first.login(email, PASSWORD);
		assertThat(answer(first, "totp", code).getResponse().getRedirectedUrl()).isEqualTo("/");

		Browser second = new Browser(mvc);
		second.login(email, PASSWORD);
		assertThat(answer(second, "totp", code).getResponse().getStatus()).isEqualTo(422);
		// an older code of the window is a replay as well: only later steps count
		assertThat(answer(second, "totp", mfaUsers.code(secret, -1)).getResponse().getStatus()).isEqualTo(422);
		assertThat(second.isLoggedIn()).isFalse();
		assertThat(answer(second, "totp", mfaUsers.code(secret, 1)).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void wrongCodesCountInTheLoginThrottleLikeWrongPasswords() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		// gatehouse.throttle.account-max-failures is 10; a pending login allows 5 wrong codes
		for (int login = 0; login < 2; login++) {
			Browser browser = new Browser(mvc);
			browser.login(email, PASSWORD);
			for (int i = 0; i < 5; i++) {
				answer(browser, "totp", mfaUsers.wrongCode(secret));
			}
			assertThat(browser.perform(get("/login/second-factor/")).getResponse().getRedirectedUrl())
				.as("the pending login ends after 5 wrong codes").isEqualTo("/login/");
		}
		// a right password between the rounds does not wipe the wrong codes out: even the right code is refused now
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		MvcResult locked = answer(browser, "totp", mfaUsers.code(secret, 0));
		assertThat(locked.getResponse().getStatus()).isEqualTo(429);
		assertThat(browser.isLoggedIn()).isFalse();
	}

	@Test
	void aRecoveryCodeWorksOnceAndIsMailedAndAudited() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		mfaUsers.enrolTotp(id);
		List<String> codes = mfaUsers.recoveryCodes(id);
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from gh_mfa_recovery_code where code_hash = ?").param(codes.get(0))
			.query(Integer.class).single()).as("stored hashed").isZero();

		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.perform(get("/login/second-factor/")).getResponse().getContentAsString())
			.contains("id=\"recovery-form\"");
		assertThat(answer(browser, "recovery-code", codes.get(3).toUpperCase()).getResponse().getRedirectedUrl())
			.isEqualTo("/");
		assertThat(browser.isLoggedIn()).isTrue();
		Mails.awaitSubject(email, "A recovery code was used");
		assertThat(jdbc.sql("select count(*) from gh_audit_log where subject_user_id = ? and event_type = ?")
			.params(id, "RECOVERY_CODE_USED").query(Integer.class).single()).isEqualTo(1);

		Browser again = new Browser(mvc);
		again.login(email, PASSWORD);
		assertThat(answer(again, "recovery-code", codes.get(3)).getResponse().getStatus()).isEqualTo(422);
		assertThat(again.isLoggedIn()).isFalse();
	}

	@Test
	void regeneratedRecoveryCodesReplaceTheOldSet() throws Exception {
		String email = uniqueEmail();
		long id = mfaUsers.create(email);
		mfaUsers.enrolTotp(id);
		String old = mfaUsers.recoveryCodes(id).get(0);
		String fresh = mfaUsers.recoveryCodes(id).get(0);
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(answer(browser, "recovery-code", old).getResponse().getStatus()).isEqualTo(422);
		assertThat(answer(browser, "recovery-code", fresh).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aRememberMeLoginAsksForTheSecondFactorAgain() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		Browser browser = new Browser(mvc);
		browser.loginRemembered(email, PASSWORD);
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).as("no remember-me before the second step").isNull();
		answer(browser, "totp", mfaUsers.code(secret, 0));
		String remembered = browser.cookie(Browser.REMEMBER_COOKIE);
		assertThat(remembered).isNotNull();

		Browser later = new Browser(mvc);
		later.setCookie(Browser.REMEMBER_COOKIE, remembered);
		MvcResult page = later.perform(get("/account/settings/sessions/"));
		assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/login/second-factor/");
		assertThat(later.isLoggedIn()).isFalse();
		assertThat(answer(later, "totp", mfaUsers.code(secret, 1)).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(later.isLoggedIn()).isTrue();
	}

	@Test
	void anAccountWithoutFactorsSignsInByPasswordAlone() throws Exception {
		String email = uniqueEmail();
		mfaUsers.create(email);
		Browser browser = new Browser(mvc);
		assertThat(browser.login(email, PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	void theSecondStepKeepsWhereTheUserWasGoing() throws Exception {
		String email = uniqueEmail();
		byte[] secret = mfaUsers.enrolTotp(mfaUsers.create(email));
		Browser browser = new Browser(mvc);
		browser.perform(post("/login/").with(csrf()).param("login", email).param("password", PASSWORD)
			.param("next", "/account/settings/sessions/"));
		assertThat(answer(browser, "totp", mfaUsers.code(secret, 0)).getResponse().getRedirectedUrl())
			.isEqualTo("/account/settings/sessions/");
	}
}
