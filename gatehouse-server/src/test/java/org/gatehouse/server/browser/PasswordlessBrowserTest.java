package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Passwordless sign-in in Chromium with the mail from GreenMail: the login page's "Email me a sign-in link", the
 * mailed link opened in the browser that asked, the same link in another browser (which asks to confirm), and the
 * code typed in the browser that asked. The feature is off by default, so this class has a server of its own.
 */
@BrowserTest
@TestPropertySource(properties = "gatehouse.features.passwordless=true")
class PasswordlessBrowserTest {

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private String newUser() {
		String email = Accounts.uniqueEmail();
		users.create(email, null, passwords.hashNew(Accounts.PASSWORD), true);
		return email;
	}

	private static void askForLink(Browser browser, String email) {
		browser.open("/login/");
		browser.driver().findElement(By.id("link-login-email")).click();
		browser.waitFor(By.id("login-link-form"));
		browser.type(By.id("email"), email).submit(By.id("login-link-submit"));
		assertThat(browser.waitFor(By.id("login-link-sent")).getText()).contains(email);
	}

	private static void assertSignedIn(Browser browser) {
		assertThat(browser.path()).isEqualTo("/");
		assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).isTrue();
	}

	@Test
	void mailedLinkSignsInTheBrowserThatAsked() {
		String email = newUser();
		try (Browser browser = Browser.start(port)) {
			askForLink(browser, email);
			String link = BrowserMail.awaitLink(email, "/login/link/");
			assertThat(link).startsWith(browser.url("/login/link/"));
			browser.open(link);
			assertThat(browser.has(By.id("login-link-other-browser"))).isFalse();
			browser.submit(By.id("login-link-confirm"));
			assertSignedIn(browser);

			browser.openExpectingStatus(link, 400);
			assertThat(browser.waitFor(By.id("message")).getText()).contains("already used");
		}
	}

	@Test
	void anotherBrowserConfirmsAndTheAskingOneTakesTheCode() {
		String email = newUser();
		try (Browser asking = Browser.start(port); Browser phone = Browser.start(port)) {
			askForLink(asking, email);
			String link = BrowserMail.awaitLink(email, "/login/link/");
			phone.open(link);
			assertThat(phone.waitFor(By.id("login-link-other-browser")).getText()).contains("another browser");
			phone.submit(By.id("login-link-confirm"));
			assertSignedIn(phone);

			askForLink(asking, email);
			asking.type(By.id("code"), codeOfNewestMail(email)).submit(By.id("login-code-submit"));
			assertSignedIn(asking);
		}
	}

	private static String codeOfNewestMail(String email) {
		BrowserMail.awaitLink(email, "/login/link/");
		List<MimeMessage> mails = BrowserMail.to(email);
		Matcher code = CODE.matcher(GreenMailUtil.getBody(mails.get(mails.size() - 1)));
		assertThat(code.find()).as("a 6-digit code in the mail").isTrue();
		return code.group(1);
	}
}
