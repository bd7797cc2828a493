package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.NEW_PASSWORD;
import static org.gatehouse.server.browser.Accounts.PASSWORD;
import static org.gatehouse.server.browser.Accounts.RESET_PASSWORD;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole account life in one browser: sign up, confirm by mail, log in, change the password,
 * log in with the new password, log out, recover by mail, log in with the new password. Every page visited must have a clean
 * console (no errors, no CSP violation): {@link Browser} checks it on each load.
 */
@BrowserTest
class AccountLifecycleBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void registerConfirmLoginChangeLogoutRecoverAndLoginAgain() {
		String email = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port)) {
			Accounts.registerAndConfirm(browser, email, PASSWORD);

			Accounts.loginSucceeds(browser, email, PASSWORD, false);
			assertThat(browser.driver().findElement(By.id("welcome")).getText()).isNotBlank();

			// change password, from the navigation
			browser.driver().findElement(By.id("nav-change-password")).click();
			browser.waitFor(By.id("change-form"));
			assertThat(browser.path()).isEqualTo("/account/settings/password/");
			browser.assertCleanConsole(browser.path());
			browser.type(By.id("currentPassword"), PASSWORD)
				.type(By.id("password"), NEW_PASSWORD)
				.type(By.id("passwordConfirm"), NEW_PASSWORD)
				.submit(By.id("change-submit"));
			assertThat(browser.waitFor(By.id("message")).getText()).isNotBlank();
			// the user stays logged in on this browser (only the other sessions end)
			browser.open("/");
			assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).as("still logged in after the change").isTrue();

			// log out with the navigation's POST button
			browser.submit(By.id("nav-logout"));
			assertThat(browser.path()).isEqualTo("/");
			assertThat(browser.has(By.id("welcome"))).isFalse();
			assertThat(browser.has(By.id("nav-login"))).isTrue();

			// recover by email
			browser.open("/lost-password/");
			browser.type(By.id("email"), email).submit(By.cssSelector("#forgot-form button[type=submit]"));
			assertThat(browser.waitFor(By.id("message")).getText()).contains(email);
			String link = BrowserMail.awaitLink(email, "/lost-password/");
			assertThat(link).startsWith(browser.url("/lost-password/"));

			browser.open(link);
			browser.waitFor(By.id("reset-form"));
			browser.type(By.id("password"), RESET_PASSWORD)
				.type(By.id("passwordConfirm"), RESET_PASSWORD)
				.submit(By.id("reset-submit"));
			assertThat(browser.waitFor(By.id("message")).getText()).isNotBlank();
			assertThat(browser.has(By.id("reset-form"))).isFalse();

			// the password before the reset no longer works, nor does the first one
			Accounts.login(browser, email, NEW_PASSWORD, false);
			assertThat(browser.waitFor(By.id("login-error")).isDisplayed()).isTrue();
			Accounts.login(browser, email, PASSWORD, false);
			assertThat(browser.waitFor(By.id("login-error")).isDisplayed()).isTrue();

			Accounts.loginSucceeds(browser, email, RESET_PASSWORD, false);

			// the reset link is single-use
			browser.openExpectingStatus(link, 400);
			assertThat(browser.has(By.id("reset-form"))).as("reset link works only once").isFalse();
			assertThat(browser.has(By.id("message"))).isTrue();

			assertThat(browser.visited()).hasSizeGreaterThanOrEqualTo(12);
		}
	}
}
