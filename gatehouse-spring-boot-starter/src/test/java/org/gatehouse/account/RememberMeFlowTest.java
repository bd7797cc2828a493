package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.NEW_PASSWORD;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class RememberMeFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	CredentialRevocation revocation;

	@Autowired
	GatehouseProperties properties;

	@Autowired
	JdbcClient jdbc;

	/** Logs in with "remember me" in a browser of its own and returns it. */
	private Browser rememberedLogin(String email) throws Exception {
		Browser browser = new Browser(mvc);
		assertThat(browser.loginRemembered(email, PASSWORD).getResponse().getStatus()).isEqualTo(302);
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).as("remember-me cookie").isNotBlank();
		return browser;
	}

	/** A browser that has nothing but that remember-me cookie (the session cookie is gone, as after a restart). */
	private boolean cookieAloneLogsIn(String rememberCookie) throws Exception {
		return restartedWith(rememberCookie).isLoggedIn();
	}

	private Browser restartedWith(String rememberCookie) {
		Browser fresh = new Browser(mvc);
		fresh.setCookie(Browser.REMEMBER_COOKIE, rememberCookie);
		return fresh;
	}

	/** Moves the user's last rotation back to just beyond the grace, as if that much time had passed. */
	private void graceHasPassed(long userId) {
		Instant beyond = Instant.now().minus(properties.getRememberMe().getRotationGrace()).minusSeconds(1);
		assertThat(jdbc.sql("update gh_remember_me set rotated_at = ? where user_id = ? and rotated_at is not null")
			.params(OffsetDateTime.ofInstant(beyond, ZoneOffset.UTC), userId).update()).isEqualTo(1);
	}

	@Test
	void theTokenIsReplacedAtEveryUse() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		String first = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		Browser restarted = restartedWith(first);
		assertThat(restarted.isLoggedIn()).isTrue();
		String second = restarted.cookie(Browser.REMEMBER_COOKIE);
		assertThat(second).as("a new remember-me cookie").isNotBlank().isNotEqualTo(first);
		assertThat(cookieAloneLogsIn(second)).isTrue();
	}

	@Test
	void theReplacedTokenStillWorksForParallelRequestsWithinTheGrace() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		String first = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		assertThat(cookieAloneLogsIn(first)).isTrue();
		assertThat(cookieAloneLogsIn(first)).as("a second request sent before the new cookie arrived").isTrue();
	}

	@Test
	void theReplacedTokenUsedAfterTheGraceIsTakenForTheftAndEndsEveryLogin() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		Browser desktop = new Browser(mvc);
		desktop.login(email, PASSWORD);
		String stolen = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		Browser owner = restartedWith(stolen);
		assertThat(owner.isLoggedIn()).isTrue();
		graceHasPassed(id);

		assertThat(cookieAloneLogsIn(stolen)).as("the copy").isFalse();
		assertThat(owner.isLoggedIn()).as("the owner's browser, whose cookie was copied").isFalse();
		assertThat(cookieAloneLogsIn(owner.cookie(Browser.REMEMBER_COOKIE))).isFalse();
		assertThat(desktop.isLoggedIn()).as("every other session").isFalse();
		assertThat(jdbc.sql("select count(*) from gh_audit_log where event_type = 'REMEMBER_ME_THEFT' "
				+ "and subject_user_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(awaitMail(email, "You were signed out everywhere")).contains("used from two browsers");
	}

	/** Pages keep their CSRF token in the session: a form post only the remember-me cookie logs in has none. */
	@Test
	void aFormPostLoggedInOnlyByTheRememberMeCookieNeedsATokenOfTheSessionThatLoginCreates() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser desktop = new Browser(mvc);
		desktop.login(email, PASSWORD);
		Browser restarted = restartedWith(rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE));
		String foreignToken = formToken(new Browser(mvc).perform(get("/login/")));

		MvcResult refused = restarted.perform(post("/account/settings/sessions/revoke-others").param("_csrf",
				foreignToken));
		assertThat(refused.getResponse().getStatus()).isEqualTo(403);
		assertThat(desktop.isLoggedIn()).isTrue();

		String token = formToken(restarted.perform(get("/account/settings/sessions/")));
		MvcResult accepted = restarted.perform(post("/account/settings/sessions/revoke-others").param("_csrf", token));
		assertThat(accepted.getResponse().getStatus()).isEqualTo(302);
		assertThat(desktop.isLoggedIn()).isFalse();
	}

	private static String formToken(MvcResult page) throws Exception {
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page.getResponse().getContentAsString());
		assertThat(token.find()).as("a form with a CSRF token").isTrue();
		return token.group(1);
	}

	private static String awaitMail(String address, String subject) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			for (var mail : TestMail.to(address)) {
				if (subject.equals(mail.getSubject())) {
					return GreenMailUtil.getBody(mail);
				}
			}
			TestMail.server().waitForIncomingEmail(200, TestMail.server().getReceivedMessages().length + 1);
		}
		throw new AssertionError("No mail \"" + subject + "\" to " + address);
	}

	@Test
	void cookieNameComesFromProperties() {
		assertThat(properties.getRememberMe().getCookieName()).isEqualTo(Browser.REMEMBER_COOKIE);
	}

	@Test
	void noCookieWithoutTheBox() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser browser = new Browser(mvc);
		browser.login(email, PASSWORD);
		assertThat(browser.isLoggedIn()).isTrue();
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).isNull();
	}

	@Test
	void cookieAloneAuthenticatesUntilLogout() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Browser browser = rememberedLogin(email);
		String cookie = browser.cookie(Browser.REMEMBER_COOKIE);
		assertThat(cookieAloneLogsIn(cookie)).isTrue();

		assertThat(browser.perform(post("/logout/").with(csrf())).getResponse().getStatus()).isEqualTo(302);
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).as("cleared in the browser").isNull();
		assertThat(cookieAloneLogsIn(cookie)).as("revoked on the server").isFalse();
	}

	@Test
	void passwordChangeRevokesRememberMe() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		String cookie = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		Browser other = new Browser(mvc);
		other.login(email, PASSWORD);
		assertThat(other.perform(post("/account/settings/password/").with(csrf())
			.param("currentPassword", PASSWORD).param("password", NEW_PASSWORD).param("passwordConfirm", NEW_PASSWORD))
			.getResponse().getStatus()).isEqualTo(200);
		assertThat(cookieAloneLogsIn(cookie)).isFalse();
	}

	@Test
	void revokeAllRevokesRememberMe() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String cookie = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		assertThat(cookieAloneLogsIn(cookie)).isTrue();
		revocation.revokeAll(id, null);
		assertThat(cookieAloneLogsIn(cookie)).isFalse();
	}

	@Test
	void deactivatedAccountIsNotRemembered() throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		String cookie = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		users.setActive(id, false);
		assertThat(cookieAloneLogsIn(cookie)).isFalse();
	}

	@Test
	void tamperedCookieIsRefused() throws Exception {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		String cookie = rememberedLogin(email).cookie(Browser.REMEMBER_COOKIE);
		String decoded = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		String[] parts = decoded.split(":");
		assertThat(parts).hasSize(2);

		String payloadChanged = flipFirst(parts[0]) + ":" + parts[1];
		String signatureChanged = parts[0] + ":" + flipFirst(parts[1]);
		for (String forged : new String[] { payloadChanged, signatureChanged }) {
			String value = Base64.getEncoder().withoutPadding()
				.encodeToString(forged.getBytes(StandardCharsets.UTF_8));
			assertThat(cookieAloneLogsIn(value)).as(forged).isFalse();
		}
		assertThat(cookieAloneLogsIn("garbage")).isFalse();
		assertThat(cookieAloneLogsIn(cookie)).as("the genuine cookie still works").isTrue();
	}

	/**
	 * Changes the first character: the last one of unpadded base64 can carry unused bits,
	 * where a change would decode to the very same bytes.
	 */
	private static String flipFirst(String value) {
		char first = value.charAt(0);
		return (first == 'A' ? 'B' : 'A') + value.substring(1);
	}
}
