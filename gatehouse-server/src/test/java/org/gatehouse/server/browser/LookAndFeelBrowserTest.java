package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.util.ArrayList;
import java.util.List;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page, anonymous, signed in and as an administrator, at 1280 and 390 pixels wide (and two in
 * dark mode): no serious or critical axe-core violation, nothing wider than the page, every
 * destructive action (ban, signing out sessions, removing a role) in the destructive style, and the
 * rendering equal to the committed reference screenshot in
 * {@code src/test/resources/screenshots/<page>-<width>.png} (see {@link ScreenshotComparison} for
 * the tolerance; actual and diff images land in {@code target/screenshots/}).
 *
 * <p>After an intended change of the look, regenerate the references and commit them:
 * {@code mvn -o -pl gatehouse-server -am test -Dtest=LookAndFeelBrowserTest -Dsurefire.failIfNoSpecifiedTests=false -Dscreenshots.update=true}.
 * The users and their emails are fixed, times and browser versions are replaced by constants
 * before each shot ({@link PageShot}), and lists are filtered to this test's own users, so the
 * shots do not depend on other browser tests sharing the server.
 */
@BrowserTest
class LookAndFeelBrowserTest {

	static final int[] WIDTHS = { 1280, 390 };
	static final String ADMIN = "look-admin@example.org";
	static final String USER = "look-robin@example.org";
	static final String NEWCOMER = "look-newcomer@example.org";

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	/** Buttons of forms that ban, sign out sessions or remove a role, without the destructive style. */
	private static final String UNMARKED_DESTRUCTIVE_BUTTONS = """
			return [...document.querySelectorAll('form[action$="/ban"] button, form[action*="revoke"] button, form[action$="/roles/remove"] button')]
			  .filter(b => !b.classList.contains('destructive'))
			  .map(b => b.closest('form').getAttribute('action').replace(/\\/[^\\/]{20,}\\//g, '/{ref}/').replace(/\\/[0-9]+\\//g, '/{id}/')
			    + ' ' + b.textContent.trim());
			""";

	private final List<String> problems = new ArrayList<>();

	@Test
	void everyPageIsAccessibleFitsAndLooksAsCommitted() {
		long adminId = users.create(ADMIN, "look-admin", passwords.hashNew(PASSWORD), true);
		users.addRole(adminId, "admin");
		long userId = users.create(USER, "robin", passwords.hashNew(PASSWORD), true);
		users.addRole(userId, "editor");

		try (Browser person = Browser.start(port); Browser phone = Browser.start(port, Browser.PHONE_USER_AGENT);
				Browser admin = Browser.start(port)) {
			check(person, "home-anonymous", "/");
			check(person, "login", "/login/");
			check(person, "register", "/signup/");
			check(person, "forgot-password", "/lost-password/");
			check(person, "send-confirmation", "/confirm/");
			check(person, "error-404", "/no-such-page/", 404);

			person.open("/lost-password/");
			person.type(By.id("email"), USER).submit(By.cssSelector("#forgot-form button[type=submit]"));
			checkHere(person, "message");
			check(person, "reset-password", BrowserMail.awaitLink(USER, "/lost-password/"));

			person.open("/signup/");
			person.type(By.id("email"), NEWCOMER)
				.type(By.id("password"), PASSWORD)
				.type(By.id("passwordConfirm"), PASSWORD)
				.submit(By.id("register-submit"));
			check(person, "confirm-email", BrowserMail.awaitLink(NEWCOMER, "/confirm/"));

			Accounts.loginSucceeds(phone, USER, PASSWORD, false);
			Accounts.loginSucceeds(person, USER, PASSWORD, false);
			check(person, "home", "/");
			check(person, "change-password", "/account/settings/password/");
			check(person, "sessions", "/account/settings/sessions/");
			check(person, "security-log", "/account/security-log/");
			check(person, "logout", "/logout/");

			Accounts.loginSucceeds(admin, ADMIN, PASSWORD, false);
			check(admin, "admin-users", "/admin/users/?q=look-&by=email");
			check(admin, "admin-user", "/admin/users/" + userId);
			check(admin, "admin-new-user", "/admin/users/new");
			check(admin, "admin-audit", "/admin/audit/?user=" + USER);
			check(admin, "admin-reauth", "/admin/reauth");
		}
		assertThat(problems).as("pages with accessibility, overflow or screenshot problems").isEmpty();
	}

	@Test
	void darkModeIsAccessibleAndLooksAsCommitted() {
		try (Browser browser = Browser.start(port)) {
			PageShot.darkMode(browser, true);
			checkAt(browser, "home-anonymous-dark", "/", 1280, 200);
			checkAt(browser, "login-dark", "/login/", 1280, 200);
		}
		assertThat(problems).as("dark pages with accessibility, overflow or screenshot problems").isEmpty();
	}

	/** The checker itself works: a password field that lost its label is reported. */
	@Test
	void axeReportsAFieldWithoutLabel() {
		try (Browser browser = Browser.start(port)) {
			browser.open("/login/");
			assertThat(Axe.seriousViolations(browser)).isEmpty();
			browser.script("document.getElementById('password').id = 'unlabelled'");
			assertThat(Axe.seriousViolations(browser)).anyMatch(v -> v.startsWith("critical label "));
		}
	}

	private void check(Browser browser, String page, String url) {
		check(browser, page, url, 200);
	}

	private void check(Browser browser, String page, String url, int status) {
		for (int width : WIDTHS) {
			checkAt(browser, page, url, width, status);
		}
	}

	/** The page the browser is on (the answer to a form, which cannot be opened again), at both widths. */
	private void checkHere(Browser browser, String page) {
		for (int width : WIDTHS) {
			PageShot.viewport(browser, width, PageShot.START_HEIGHT);
			inspect(browser, page + "-" + width, width);
		}
	}

	private void checkAt(Browser browser, String page, String url, int width, int status) {
		PageShot.viewport(browser, width, PageShot.START_HEIGHT);
		if (status == 200) {
			browser.open(url);
		}
		else {
			browser.openExpectingStatus(url, status);
		}
		inspect(browser, page + "-" + width, width);
	}

	private void inspect(Browser browser, String name, int width) {
		Axe.seriousViolations(browser).forEach(v -> problems.add(name + " axe: " + v));
		@SuppressWarnings("unchecked")
		List<String> plain = (List<String>) browser.script(UNMARKED_DESTRUCTIVE_BUTTONS);
		if (!plain.isEmpty()) {
			problems.add(name + " destructive actions styled like any other button: " + plain);
		}
		List<String> overflow = PageShot.overflow(browser);
		if (!overflow.isEmpty()) {
			problems.add(name + " wider than the page: " + overflow);
		}
		String difference = ScreenshotComparison.check(name, PageShot.fullPage(browser, width));
		if (difference != null) {
			problems.add(difference);
		}
		browser.assertCleanConsole(name);
	}
}
