package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Remember me" survives a browser restart: the session cookie is a session cookie (gone when the
 * browser closes), the remember-me cookie is persistent and logs the user in again.
 */
@BrowserTest
class RememberMeBrowserTest {

	static final String SESSION_COOKIE = "gatehouse_session";
	static final String REMEMBER_COOKIE = "gatehouse_remember";

	@LocalServerPort
	int port;

	@Test
	void rememberMeCookieLogsInAgainAfterARestartUntilLogout() {
		String email = Accounts.uniqueEmail();
		Path profile = Browser.newProfile();
		try {
			Cookie remember;
			try (Browser first = Browser.restart(port, profile)) {
				Accounts.registerAndConfirm(first, email, PASSWORD);
				Accounts.loginSucceeds(first, email, PASSWORD, true);

				List<Cookie> sessionCookies = first.cookiesStartingWith(SESSION_COOKIE);
				assertThat(sessionCookies).as("session cookie").isNotEmpty();
				assertThat(sessionCookies).allSatisfy(c -> {
					assertThat(c.getExpiry()).as("session cookie %s expiry", c.getName()).isNull();
					assertThat(c.isHttpOnly()).isTrue();
				});
				remember = first.cookie(REMEMBER_COOKIE);
				assertThat(remember).as("remember-me cookie").isNotNull();
				assertThat(remember.getExpiry()).as("remember-me cookie is persistent").isNotNull();
				assertThat(remember.getExpiry().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(7)));
				assertThat(remember.isHttpOnly()).isTrue();
				assertThat(remember.getPath()).isEqualTo("/");
			}

			// "restart": same profile, a new browser process. Chrome may restore session cookies
			// from the profile, so the restart is made explicit: no session cookie survives.
			try (Browser second = Browser.restart(port, profile)) {
				second.open("/");
				// that first request logged in by the cookie, which replaced its token: restore the current one
				Cookie current = second.cookie(REMEMBER_COOKIE);
				if (current != null) {
					remember = current;
				}
				second.driver().manage().getCookies().stream()
					.filter(c -> c.getName().startsWith(SESSION_COOKIE) || c.getName().equals(REMEMBER_COOKIE))
					.forEach(c -> second.driver().manage().deleteCookie(c));

				second.open("/");
				assertThat(second.has(By.id("welcome"))).as("anonymous without the remember-me cookie").isFalse();
				assertThat(second.has(By.id("nav-login"))).isTrue();
				second.open("/account/settings/sessions/");
				assertThat(second.path()).as("protected page without remember-me").isEqualTo("/login/");

				second.cookiesStartingWith(SESSION_COOKIE).forEach(c -> second.driver().manage().deleteCookie(c));
				second.driver().manage().addCookie(new Cookie.Builder(REMEMBER_COOKIE, remember.getValue())
					.path(remember.getPath())
					.expiresOn(remember.getExpiry())
					.isHttpOnly(remember.isHttpOnly())
					.isSecure(remember.isSecure())
					.sameSite(remember.getSameSite())
					.build());

				second.open("/");
				assertThat(second.waitFor(By.id("welcome")).isDisplayed()).as("logged in by remember-me").isTrue();
				second.open("/account/settings/sessions/");
				assertThat(second.path()).isEqualTo("/account/settings/sessions/");
				assertThat(second.cookiesStartingWith(SESSION_COOKIE)).as("a new session was started").isNotEmpty();

				// logging out (GET confirmation page, then POST) ends the remember-me login too
				second.open("/logout/");
				second.submit(By.id("logout-submit"));
				assertThat(second.path()).isEqualTo("/");
				assertThat(second.has(By.id("welcome"))).isFalse();
				assertThat(second.cookie(REMEMBER_COOKIE)).as("remember-me cookie cleared by logout").isNull();
				second.open("/account/settings/sessions/");
				assertThat(second.path()).isEqualTo("/login/");
			}
		}
		finally {
			Browser.deleteProfile(profile);
		}
	}
}
