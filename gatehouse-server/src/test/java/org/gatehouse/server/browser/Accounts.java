package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.openqa.selenium.By;

/** Account steps done the way a person does them: through the pages and the mailbox. */
final class Accounts {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final String NEW_PASSWORD = "velvet-canyon-drum-91";
	static final String RESET_PASSWORD = "amber-quill-harbor-57";

	private Accounts() {
	}

	static String uniqueEmail() {
		return "b" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** Signs up through /signup/, opens the confirmation link of the mail and presses its button. */
	static void registerAndConfirm(Browser browser, String email, String password) {
		browser.open("/signup/");
		browser.type(By.id("email"), email)
			.type(By.id("password"), password)
			.type(By.id("passwordConfirm"), password)
			.submit(By.id("register-submit"));
		assertThat(browser.waitFor(By.id("message")).getText()).contains(email);

		String link = BrowserMail.awaitLink(email, "/confirm/");
		assertThat(link).startsWith(browser.url("/confirm/"));
		browser.open(link);
		browser.submit(By.id("confirm-submit"));
		assertThat(browser.waitFor(By.id("message")).getText()).as("confirmation page shows a message").isNotBlank();
	}

	/** Fills in /login/ and submits; the caller checks where it landed. */
	static void login(Browser browser, String login, String password, boolean remember) {
		browser.open("/login/");
		browser.type(By.id("login"), login).type(By.id("password"), password);
		if (remember) {
			browser.driver().findElement(By.id("remember")).click();
		}
		browser.submit(By.id("login-submit"));
	}

	static void loginSucceeds(Browser browser, String login, String password, boolean remember) {
		login(browser, login, password, remember);
		assertThat(browser.has(By.id("login-error"))).as("login error shown for %s", login).isFalse();
		browser.open("/");
		assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).isTrue();
	}
}
