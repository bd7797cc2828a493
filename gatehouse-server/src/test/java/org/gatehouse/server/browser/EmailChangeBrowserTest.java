package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change of email address in Chromium, with both mails in GreenMail: the account page asks for the
 * new address and the password, the link mailed to the new address changes it (the session stays), and
 * the link mailed to the old address restores it and signs the account out everywhere.
 */
@BrowserTest
class EmailChangeBrowserTest {

	@LocalServerPort
	int port;

	@Test
	void changeConfirmAndRevert() {
		String oldEmail = Accounts.uniqueEmail();
		String newEmail = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port); Browser elsewhere = Browser.start(port);
				Browser oldMailbox = Browser.start(port)) {
			Accounts.registerAndConfirm(browser, oldEmail, PASSWORD);
			Accounts.loginSucceeds(browser, oldEmail, PASSWORD, false);

			browser.driver().findElement(By.id("nav-change-email")).click();
			browser.waitFor(By.id("email-change-form"));
			assertThat(browser.path()).isEqualTo("/account/settings/email/");
			assertThat(browser.driver().findElement(By.id("email-change-intro")).getText()).contains(oldEmail);
			browser.type(By.id("email"), newEmail).type(By.id("password"), PASSWORD)
				.submit(By.id("email-change-submit"));
			assertThat(browser.waitFor(By.id("message")).getText()).contains(newEmail);

			String confirm = BrowserMail.awaitLink(newEmail, "/change-email/confirm/");
			String revert = BrowserMail.awaitLink(oldEmail, "/change-email/revert/");
			assertThat(confirm).startsWith(browser.url("/change-email/confirm/"));
			assertThat(revert).startsWith(browser.url("/change-email/revert/"));

			browser.open(confirm);
			browser.submit(By.id("email-change-confirm"));
			assertThat(browser.waitFor(By.id("message")).getText()).isNotBlank();
			browser.open("/");
			assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).as("still signed in after the change").isTrue();
			assertThat(browser.driver().findElement(By.id("nav-user")).getText()).isEqualTo(newEmail);
			browser.openExpectingStatus(confirm, 400);

			Accounts.loginSucceeds(elsewhere, newEmail, PASSWORD, false);

			oldMailbox.open(revert);
			oldMailbox.submit(By.id("email-change-revert"));
			assertThat(oldMailbox.waitFor(By.id("message")).getText()).isNotBlank();

			for (Browser signedOut : new Browser[] { browser, elsewhere }) {
				signedOut.open("/");
				assertThat(signedOut.has(By.id("welcome"))).as("every session ended").isFalse();
			}
			Accounts.login(browser, newEmail, PASSWORD, false);
			assertThat(browser.waitFor(By.id("login-error")).isDisplayed()).isTrue();
			Accounts.loginSucceeds(browser, oldEmail, PASSWORD, false);
		}
	}
}
