package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public pages load cleanly, under the CSP, with their stylesheet applied. */
@BrowserTest
class HomePageBrowserTest {

	private static Browser browser;

	@LocalServerPort
	int port;

	@AfterAll
	static void quit() {
		if (browser != null) {
			browser.close();
		}
	}

	private Browser browser() {
		if (browser == null) {
			browser = Browser.start(port);
		}
		return browser;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/login/", "/signup/", "/lost-password/" })
	void publicPageLoadsCleanlyWithItsStylesheet(String path) {
		Browser b = browser().open(path);
		assertThat(b.path()).isEqualTo(path);
		assertThat(b.waitFor(By.tagName("h1")).getText()).isNotBlank();

		WebElement stylesheet = b.driver().findElement(By.cssSelector("link[rel=stylesheet]"));
		assertThat(stylesheet.getDomAttribute("integrity")).startsWith("sha384-").hasSizeGreaterThan(20);
		assertThat(stylesheet.getDomAttribute("crossorigin")).isEqualTo("anonymous");
		// the sheet was fetched, passed SRI and the CSP, and holds rules
		Long rules = (Long) b.script("const s = document.styleSheets;"
				+ " return s.length >= 1 && s[0].cssRules ? s[0].cssRules.length : 0;");
		assertThat(rules).as("CSS rules of the loaded stylesheet").isPositive();
		String font = (String) b.script("return getComputedStyle(document.body).fontFamily;");
		assertThat(font).as("body font").isNotBlank().isNotEqualToIgnoringCase("\"Times New Roman\"")
			.isNotEqualToIgnoringCase("serif");

		b.assertCleanConsole(path);
	}

	@Test
	void anonymousNavigationOffersLoginAndSignUp() {
		Browser b = browser().open("/");
		assertThat(b.has(By.id("welcome"))).isFalse();
		b.driver().findElement(By.id("nav-login")).click();
		b.waitFor(By.id("login-form"));
		assertThat(b.path()).isEqualTo("/login/");
		b.assertCleanConsole("/login/ via nav");
		b.screenshot("login");
		b.driver().findElement(By.id("link-register")).click();
		b.waitFor(By.id("register-form"));
		assertThat(b.path()).isEqualTo("/signup/");
		b.assertCleanConsole("/signup/ via login link");
	}
}
