package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.NEW_PASSWORD;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

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

	/** Logs in with "remember me" in a browser of its own and returns it. */
	private Browser rememberedLogin(String email) throws Exception {
		Browser browser = new Browser(mvc);
		assertThat(browser.loginRemembered(email, PASSWORD).getResponse().getStatus()).isEqualTo(302);
		assertThat(browser.cookie(Browser.REMEMBER_COOKIE)).as("remember-me cookie").isNotBlank();
		return browser;
	}

	/** A browser that has nothing but that remember-me cookie (the session cookie is gone, as after a restart). */
	private boolean cookieAloneLogsIn(String rememberCookie) throws Exception {
		Browser fresh = new Browser(mvc);
		fresh.setCookie(Browser.REMEMBER_COOKIE, rememberCookie);
		return fresh.isLoggedIn();
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
