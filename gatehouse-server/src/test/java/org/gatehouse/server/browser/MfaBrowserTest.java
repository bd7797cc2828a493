package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;

import org.gatehouse.admin.FirstAdminSetup;
import org.gatehouse.mfa.Base32;
import org.gatehouse.mfa.Totp;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The first administrator, made with the first-admin link, must set up an authenticator app at the first
 * login (the default gatehouse.mfa.required-roles), then signs in with password and code, and with a recovery
 * code. A server of its own: the shared browser-test server turns the policy off for its admins.
 */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:browser-mfa;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=browser-test-secret-key-0123456789-abcdefghijklm",
		"gatehouse.passwords.rounds.pbkdf2_sha512=1000",
		"spring.mail.host=127.0.0.1", "spring.mail.port=" + BrowserMail.SMTP_PORT })
@ContextConfiguration(initializers = BrowserMail.Starter.class)
class MfaBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	FirstAdminSetup firstAdmin;

	@Autowired
	Totp totp;

	private String setupToken() throws Exception {
		Method issue = FirstAdminSetup.class.getDeclaredMethod("issue");
		issue.setAccessible(true);
		return (String) issue.invoke(firstAdmin);
	}

	private String code(byte[] secret, int offset) {
		return totp.code(secret, totp.step(Instant.now()) + offset);
	}

	@Test
	void theFirstAdminEnrolsAtFirstLoginThenSignsInWithTheAppAndWithARecoveryCode() throws Exception {
		String email = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port)) {
			browser.open("/setup/" + setupToken());
			browser.type(By.id("email"), email).type(By.id("password"), PASSWORD)
				.type(By.id("passwordConfirm"), PASSWORD).submit(By.id("setup-submit"));
			assertThat(browser.waitFor(By.id("message")).getText()).contains(email);

			Accounts.login(browser, email, PASSWORD, false);
			assertThat(browser.path()).isEqualTo("/login/second-factor/enrol/");
			assertThat(browser.has(By.id("enrol-required"))).isTrue();
			WebElement qr = browser.waitFor(By.id("totp-qr"));
			assertThat(((Number) browser.script("return arguments[0].naturalWidth", qr)).intValue())
				.as("the QR code image renders").isGreaterThan(0);
			browser.assertCleanConsole("enrolment");
			browser.open("/admin/users/");
			assertThat(browser.path()).as("nothing else before enrolling").isEqualTo("/login/second-factor/enrol/");

			byte[] secret = Base32.decode(browser.waitFor(By.id("totp-secret")).getText());
			browser.type(By.id("enrol-code"), code(secret, 0)).submit(By.id("enrol-submit"));
			List<String> codes = browser.driver().findElements(By.className("recovery-code")).stream()
				.map(WebElement::getText).toList();
			assertThat(codes).hasSize(10);
			browser.submit(By.id("codes-continue"));
			browser.open("/admin/users/");
			assertThat(browser.path()).isEqualTo("/admin/users/");

			logout(browser);
			Accounts.login(browser, email, PASSWORD, false);
			assertThat(browser.path()).isEqualTo("/login/second-factor/");
			browser.type(By.id("totp-code"), code(secret, 1)).submit(By.id("totp-submit"));
			assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).isTrue();
			browser.open("/admin/users/");
			assertThat(browser.path()).isEqualTo("/admin/users/");

			logout(browser);
			Accounts.login(browser, email, PASSWORD, false);
			browser.driver().findElement(By.cssSelector("#recovery-details summary")).click();
			browser.type(By.id("recovery-code"), codes.get(0)).submit(By.id("recovery-submit"));
			assertThat(browser.waitFor(By.id("welcome")).isDisplayed()).isTrue();
			Instant deadline = Instant.now().plusSeconds(15);
			while (BrowserMail.to(email).stream().noneMatch(m -> subject(m).equals("A recovery code was used"))) {
				assertThat(Instant.now()).as("the recovery-code mail arrives").isBefore(deadline);
				BrowserMail.server().waitForIncomingEmail(200, BrowserMail.server().getReceivedMessages().length + 1);
			}
			browser.assertCleanConsole("after the recovery code");
		}
	}

	private static void logout(Browser browser) {
		browser.open("/logout/");
		browser.submit(By.id("logout-submit"));
	}

	private static String subject(jakarta.mail.internet.MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
