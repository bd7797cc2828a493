package org.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * A reader's first visit in a real browser: the reading list asks for a login, the reader signs up,
 * confirms the address from the mail, logs in, reads the list under their own email, logs out, and the
 * list asks for a login again.
 */
class ReadingListBrowserTest extends LibraryTest {

	private static final String PASSWORD = "marginalia-lamp-otter-73";

	@Test
	void signUpConfirmLogInReadTheListAndLogOut() throws Exception {
		String email = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		try (Chromium browser = new Chromium(url(""))) {
			browser.open("/books/");
			assertThat(browser.path()).isEqualTo("/login/");
			assertThat(browser.text("library-login-intro")).isEqualTo("Log in to see your reading list.");

			browser.click("link-register");
			browser.type("email", email).type("password", PASSWORD).type("passwordConfirm", PASSWORD)
				.click("register-submit");
			assertThat(browser.text("message")).contains(email);

			String confirmation = TestMail.awaitLink(email, "/confirm/");
			browser.open(confirmation).click("confirm-submit");
			assertThat(browser.text("message")).isNotBlank();

			browser.open("/books/");
			assertThat(browser.path()).isEqualTo("/login/");
			browser.type("login", email).type("password", PASSWORD).click("login-submit");
			assertThat(browser.path()).isEqualTo("/books/");
			assertThat(browser.text("reader")).isEqualTo("Reading list of " + email);
			assertThat(browser.text("books")).contains("Middlemarch");

			browser.click("logout");
			assertThat(browser.path()).isEqualTo("/");
			browser.open("/books/");
			assertThat(browser.path()).isEqualTo("/login/");
			assertThat(browser.has("login-form")).isTrue();
		}
	}
}
