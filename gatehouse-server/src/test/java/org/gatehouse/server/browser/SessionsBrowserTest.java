package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sessions page of one browser lists and ends the session of another (a phone). */
@BrowserTest
class SessionsBrowserTest {

	static final String SESSIONS = "/account/settings/sessions/";

	@LocalServerPort
	int port;

	@Test
	void desktopSeesAndRevokesThePhoneSession() {
		String email = Accounts.uniqueEmail();
		try (Browser desktop = Browser.start(port); Browser phone = Browser.start(port, Browser.PHONE_USER_AGENT)) {
			Accounts.registerAndConfirm(desktop, email, PASSWORD);
			Accounts.loginSucceeds(desktop, email, PASSWORD, false);
			Accounts.loginSucceeds(phone, email, PASSWORD, false);

			desktop.open("/");
			desktop.driver().findElement(By.id("nav-sessions")).click();
			desktop.waitFor(By.id("sessions-table"));
			assertThat(desktop.path()).isEqualTo(SESSIONS);
			desktop.assertCleanConsole(SESSIONS);

			List<WebElement> rows = desktop.driver().findElements(By.cssSelector("#sessions-table tr.session-row"));
			assertThat(rows).hasSize(2);
			WebElement current = desktop.driver().findElement(By.cssSelector("#sessions-table tr.session-row.current"));
			WebElement other = desktop.driver()
				.findElement(By.cssSelector("#sessions-table tr.session-row:not(.current)"));
			assertThat(current.findElements(By.cssSelector("button.revoke"))).isEmpty();
			assertThat(cell(current, 0)).as("desktop browser").containsIgnoringCase("chrome").doesNotStartWith("?");
			assertThat(cell(current, 1)).as("desktop OS").containsIgnoringCase("linux");
			assertThat(cell(other, 0)).as("phone browser").containsIgnoringCase("chrome").doesNotStartWith("?");
			assertThat(cell(other, 1)).as("phone OS").containsIgnoringCase("android");
			assertThat(cell(other, 2)).as("phone IP").isNotBlank();
			assertThat(desktop.has(By.id("revoke-others"))).isTrue();
			desktop.screenshot("sessions");

			desktop.submit(By.cssSelector("#sessions-table tr.session-row:not(.current) button.revoke"));
			assertThat(desktop.path()).isEqualTo(SESSIONS);
			assertThat(desktop.waitFor(By.id("sessions-notice")).getText()).isNotBlank();
			assertThat(desktop.driver().findElements(By.cssSelector("#sessions-table tr.session-row")))
				.singleElement()
				.satisfies(row -> assertThat(row.getDomAttribute("class")).contains("current"));

			// the phone's next navigation to a protected page lands on the login page
			phone.open("/account/settings/password/");
			assertThat(phone.path()).isEqualTo("/login/");
			assertThat(phone.has(By.id("login-form"))).isTrue();
			phone.open("/");
			assertThat(phone.has(By.id("welcome"))).isFalse();

			// the desktop is still logged in
			desktop.open("/");
			assertThat(desktop.has(By.id("welcome"))).isTrue();
		}
	}

	private static String cell(WebElement row, int index) {
		return row.findElements(By.tagName("td")).get(index).getText().trim();
	}
}
