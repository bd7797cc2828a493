package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;
import static org.gatehouse.account.AccountTestUsers.uniqueUsername;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.UriComponentsBuilder;

@GatehouseIntegrationTest
class LoginFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private long newUser(String email, String username) {
		return AccountTestUsers.create(users, passwords, email, username);
	}

	private String newUserEmail() {
		String email = uniqueEmail();
		newUser(email, null);
		return email;
	}

	private static void assertLoggedInRedirect(MvcResult result, String location) {
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(location);
	}

	@Test
	void logsInByEmailByUsernameAndByEmailInAnotherCase() throws Exception {
		String email = uniqueEmail();
		String username = uniqueUsername();
		newUser(email, username);

		Browser byEmail = new Browser(mvc);
		assertLoggedInRedirect(byEmail.login(email, PASSWORD), "/");
		assertThat(byEmail.isLoggedIn()).isTrue();

		Browser byUsername = new Browser(mvc);
		assertLoggedInRedirect(byUsername.login(username.toUpperCase(), PASSWORD), "/");
		assertThat(byUsername.isLoggedIn()).isTrue();

		Browser byUpperEmail = new Browser(mvc);
		assertLoggedInRedirect(byUpperEmail.login("  " + email.toUpperCase() + " ", PASSWORD), "/");
		assertThat(byUpperEmail.isLoggedIn()).isTrue();
	}

	@Test
	void sessionIdChangesAtLogin() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		Browser browser = new Browser(mvc);
		// a visitor's login page opens no session (FormCsrfTest); one that has a session keeps it to the login
		browser.login(newUserEmail(), PASSWORD);
		String before = browser.cookie(Browser.SESSION_COOKIE);
		assertThat(before).isNotNull();
		browser.perform(get("/login/"));

		browser.login(email, PASSWORD);
		String after = browser.cookie(Browser.SESSION_COOKIE);
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(browser.isLoggedIn()).isTrue();

		Browser attacker = new Browser(mvc);
		attacker.setCookie(Browser.SESSION_COOKIE, before);
		assertThat(attacker.isLoggedIn()).as("the pre-login session id is worth nothing").isFalse();
	}

	@Test
	void tracksLoginsCountAndAddresses() throws Exception {
		String email = uniqueEmail();
		long id = newUser(email, null);
		new Browser(mvc).from("203.0.113.7").login(email, PASSWORD);
		User first = users.findById(id).orElseThrow();
		assertThat(first.loginCount()).isEqualTo(1);
		assertThat(first.currentLoginIp()).isEqualTo("203.0.113.7");
		assertThat(first.currentLoginAt()).isNotNull();

		new Browser(mvc).from("198.51.100.9").login(email, PASSWORD);
		User second = users.findById(id).orElseThrow();
		assertThat(second.loginCount()).isEqualTo(2);
		assertThat(second.currentLoginIp()).isEqualTo("198.51.100.9");
		assertThat(second.lastLoginIp()).isEqualTo("203.0.113.7");
		assertThat(second.lastLoginAt()).isEqualTo(first.currentLoginAt());
	}

	@Test
	void loginWithoutCsrfTokenIsForbidden() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		Browser browser = new Browser(mvc);
		MvcResult result = browser.perform(post("/login/").param("login", email).param("password", PASSWORD));
		assertThat(result.getResponse().getStatus()).isEqualTo(403);
		assertThat(browser.isLoggedIn()).isFalse();
		assertThat(users.findById(users.findByEmail(email).orElseThrow().id()).orElseThrow().loginCount()).isZero();
	}

	@Test
	void wrongPasswordUnknownUserAndInactiveAccountFailAlike() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		String inactive = uniqueEmail();
		users.setActive(newUser(inactive, null), false);

		MvcResult wrong = new Browser(mvc).login(email, "not-the-password-at-all");
		MvcResult unknown = new Browser(mvc).login(uniqueEmail(), PASSWORD);
		MvcResult banned = new Browser(mvc).login(inactive, PASSWORD);

		for (MvcResult result : List.of(wrong, unknown, banned)) {
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
		}
		String location = wrong.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/login/");
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(banned.getResponse().getRedirectedUrl()).isEqualTo(location);

		String wrongPage = page(location);
		assertThat(wrongPage).contains("The email/username or password is not correct.");
		assertThat(page(unknown.getResponse().getRedirectedUrl())).isEqualTo(wrongPage);
		assertThat(page(banned.getResponse().getRedirectedUrl())).isEqualTo(wrongPage);
	}

	/** The page body without what changes on every request (CSRF token, CSP nonce). */
	private String page(String location) throws Exception {
		String body = new Browser(mvc).perform(get(location)).getResponse().getContentAsString();
		return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
	}

	@Test
	void unconfirmedAccountLogsInByDefault() throws Exception {
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(PASSWORD), false);
		Browser browser = new Browser(mvc);
		assertLoggedInRedirect(browser.login(email, PASSWORD), "/");
		assertThat(browser.isLoggedIn()).isTrue();
	}

	@Test
	void nextIsHonouredWhenLocal() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		Browser browser = new Browser(mvc);
		MvcResult result = browser.perform(post("/login/").with(csrf()).param("login", email)
			.param("password", PASSWORD).param("next", "/account/settings/sessions/"));
		assertLoggedInRedirect(result, "/account/settings/sessions/");
	}

	@Test
	void hostileNextIsIgnored() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		for (String next : List.of("//evil.com", "https://evil.com/", "/\\evil.com", "javascript:alert(1)")) {
			MvcResult result = new Browser(mvc).perform(post("/login/").with(csrf()).param("login", email)
				.param("password", PASSWORD).param("next", next));
			assertThat(result.getResponse().getStatus()).as(next).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(next).isEqualTo("/");
		}
	}

	@Test
	void anonymousVisitToProtectedPageGoesToLoginWithNext() throws Exception {
		Browser browser = new Browser(mvc);
		MvcResult result = browser.perform(get("/account/settings/sessions/").queryParam("tab", "all"));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/login/?");
		assertThat(queryParam(location, "next")).isEqualTo("/account/settings/sessions/?tab=all");

		String loginPage = browser.perform(get(URI.create(location))).getResponse().getContentAsString();
		assertThat(loginPage).contains("name=\"next\" value=\"/account/settings/sessions/?tab=all\"");
	}

	@Test
	void failedLoginKeepsNextForTheNextAttempt() throws Exception {
		MvcResult result = new Browser(mvc).perform(post("/login/").with(csrf()).param("login", uniqueEmail())
			.param("password", PASSWORD).param("next", "/account/settings/sessions/"));
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/login/?error");
		assertThat(queryParam(location, "next")).isEqualTo("/account/settings/sessions/");
	}

	private static String queryParam(String location, String name) {
		String raw = UriComponentsBuilder.fromUriString(location).build().getQueryParams().getFirst(name);
		return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
	}

	@Test
	void legacyHashIsUpgradedAtLogin() throws Exception {
		PasswordContext legacy = PasswordContext.builder().defaultScheme("pbkdf2_sha1")
			.schemes(List.of("pbkdf2_sha1")).rounds(Map.of("pbkdf2_sha1", 1000)).build();
		String legacyHash = legacy.hash(PASSWORD);
		assertThat(legacyHash).startsWith("$pbkdf2$");
		String email = uniqueEmail();
		long id = users.create(email, null, legacyHash, true);

		Browser first = new Browser(mvc);
		assertLoggedInRedirect(first.login(email, PASSWORD), "/");
		String upgraded = users.findById(id).orElseThrow().passwordHash();
		assertThat(upgraded).startsWith("$pbkdf2-sha512$");

		Browser second = new Browser(mvc);
		assertLoggedInRedirect(second.login(email, PASSWORD), "/");
		assertThat(second.isLoggedIn()).isTrue();
		assertThat(users.findById(id).orElseThrow().passwordHash()).isEqualTo(upgraded);
	}
}
