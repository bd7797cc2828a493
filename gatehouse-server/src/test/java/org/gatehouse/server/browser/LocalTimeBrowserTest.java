package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Times on the pages read in the viewer's own zone and the page's language, the exact instant in
 * the title; the zone is the browser's (emulated here), not the server's.
 */
@BrowserTest
class LocalTimeBrowserTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Test
	void theSecurityLogShowsTimesInTheViewersZoneAndLanguage() {
		String email = Accounts.uniqueEmail();
		users.create(email, null, passwords.hashNew(PASSWORD), true);

		try (Browser browser = Browser.start(port)) {
			browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", BERLIN.getId()));
			Accounts.loginSucceeds(browser, email, PASSWORD, false);

			browser.open("/account/security-log/?lang=en");
			WebElement time = browser.waitFor(By.cssSelector("main time[datetime]"));
			String iso = time.getDomAttribute("datetime");
			ZonedDateTime inBerlin = Instant.parse(iso).atZone(BERLIN);
			String utcClock = DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(iso).atZone(ZoneId.of("UTC")));
			assertThat(time.getDomAttribute("title")).as("the exact instant").isEqualTo(iso);
			assertThat(time.getText()).as("English, Berlin time")
				.doesNotContain("UTC").doesNotContain(utcClock)
				.contains(DateTimeFormatter.ofPattern("hh:mm", Locale.US).format(inBerlin))
				.containsPattern("AM|PM").contains(Integer.toString(inBerlin.getYear()))
				.contains(DateTimeFormatter.ofPattern("MMM", Locale.US).format(inBerlin));

			browser.open("/account/security-log/?lang=de");
			assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
			time = browser.waitFor(By.cssSelector("main time[datetime]"));
			assertThat(time.getDomAttribute("title")).isEqualTo(time.getDomAttribute("datetime"));
			assertThat(time.getText()).as("German, Berlin time")
				.contains(DateTimeFormatter.ofPattern("HH:mm").format(inBerlin))
				.containsPattern("MEZ|MESZ").doesNotContainPattern("AM|PM");
		}
	}
}
