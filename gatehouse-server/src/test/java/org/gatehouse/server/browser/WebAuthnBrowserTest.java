package org.gatehouse.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.server.browser.Accounts.PASSWORD;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security keys and passkeys in Chromium with a virtual authenticator (the DevTools WebAuthn domain):
 * a passkey is added on the Security keys page, then signs in alone from the login page; a copy of
 * the key (a lower signature counter), a forged signature and a replayed assertion are refused; a
 * security key is the second step after the password.
 */
@BrowserTest
class WebAuthnBrowserTest {

	static final String KEYS = "/account/settings/security-keys/";

	/** Asks for sign-in options and the authenticator's assertion, without posting it; returns its JSON. */
	private static final String ASSERT = """
			const done = arguments[arguments.length - 1];
			const b64 = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/=+$/, '')
				.replace(/\\+/g, '-').replace(/\\//g, '_');
			const bytes = (s) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0));
			(async () => {
				const csrf = (await (await fetch('/api/csrf')).json()).token;
				const headers = { 'Content-Type': 'application/json', 'X-CSRFToken': csrf };
				const options = await (await fetch('/api/webauthn/authentication/options',
					{ method: 'POST', headers })).json();
				const c = await navigator.credentials.get({ publicKey: { challenge: bytes(options.challenge),
					rpId: options.rpId, userVerification: options.userVerification } });
				done(JSON.stringify({ id: c.id, rawId: b64(c.rawId), type: c.type, response: {
					authenticatorData: b64(c.response.authenticatorData),
					clientDataJSON: b64(c.response.clientDataJSON), signature: b64(c.response.signature),
					userHandle: b64(c.response.userHandle) }, clientExtensionResults: {} }));
			})().catch(e => done('error: ' + e));
			""";

	/** Posts an assertion (JSON text) to the sign-in endpoint; returns the status. */
	private static final String POST = """
			const done = arguments[arguments.length - 1];
			(async () => {
				const csrf = (await (await fetch('/api/csrf')).json()).token;
				const response = await fetch('/api/webauthn/login', { method: 'POST',
					headers: { 'Content-Type': 'application/json', 'X-CSRFToken': csrf },
					body: JSON.stringify({ credential: JSON.parse(arguments[0]) }) });
				done(response.status);
			})().catch(e => done('error: ' + e));
			""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void passkeyIsAddedThenSignsInAloneAndACopyWithALowerCounterIsRefused() {
		String email = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port)) {
			VirtualAuthenticator authenticator = passkeyAuthenticator(browser);
			Accounts.registerAndConfirm(browser, email, PASSWORD);
			Accounts.loginSucceeds(browser, email, PASSWORD, false);

			addPasskey(browser, "Laptop");
			assertThat(browser.driver().findElements(By.cssSelector("#webauthn-keys .webauthn-key-name")))
				.singleElement().satisfies(cell -> assertThat(cell.getText()).startsWith("Laptop"));
			assertThat(authenticator.getCredentials()).singleElement()
				.satisfies(credential -> assertThat(credential.isResidentCredential()).isTrue());

			browser.submit(By.id("nav-logout"));
			signInWithPasskey(browser);
			assertThat(browser.path()).isEqualTo("/");
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(email);
			browser.open("/account/security-log/?lang=en");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Security key added");
			assertThat(jdbc.sql("select details from gh_audit_log a join gh_user u on u.id = a.subject_user_id "
					+ "where u.email = ? and a.event_type = 'LOGIN_SUCCESS'").param(email).query(String.class).list())
				.contains("passkey");

			// a copy of the key reports a counter the server has already seen
			browser.submit(By.id("nav-logout"));
			jdbc.sql("update gh_webauthn_credential set signature_count = 1000 where user_id = "
					+ "(select id from gh_user where email = ?)").param(email).update();
			browser.open("/login/");
			browser.driver().findElement(By.id("passkey-signin")).click();
			assertThat(browser.waitFor(By.id("passkey-error")).getText()).isNotBlank();
			consumeRefusals(browser);
			browser.open("/");
			assertThat(browser.has(By.id("welcome"))).isFalse();
		}
	}

	@Test
	void forgedAndReplayedAssertionsAreRefused() {
		String email = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port)) {
			passkeyAuthenticator(browser);
			Accounts.registerAndConfirm(browser, email, PASSWORD);
			Accounts.loginSucceeds(browser, email, PASSWORD, false);
			addPasskey(browser, "Phone");
			browser.submit(By.id("nav-logout"));
			browser.open("/login/");

			String genuine = assertion(browser);
			Map<String, Object> parsed = parse(browser, genuine);
			@SuppressWarnings("unchecked")
			Map<String, Object> response = (Map<String, Object>) parsed.get("response");
			String signature = (String) response.get("signature");
			response.put("signature",
					signature.substring(0, 10) + (signature.charAt(10) == 'A' ? 'B' : 'A') + signature.substring(11));
			String forged = stringify(browser, parsed);
			assertThat(post(browser, forged)).as("forged signature").isEqualTo(401L);

			String fresh = assertion(browser);
			assertThat(post(browser, fresh)).as("genuine assertion").isEqualTo(200L);
			assertThat(post(browser, fresh)).as("same assertion again, challenge used").isEqualTo(400L);
			consumeRefusals(browser);
			browser.open("/login/");
			assertion(browser); // a new challenge in the session: the old answer still does not match it
			assertThat(post(browser, fresh)).as("replayed against a new challenge").isEqualTo(401L);
			consumeRefusals(browser);
		}
	}

	@Test
	void aSecurityKeyIsTheSecondStepAfterThePassword() {
		String email = Accounts.uniqueEmail();
		try (Browser browser = Browser.start(port)) {
			// a plain USB security key: no passkey of its own, no user verification
			browser.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
				.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
				.setTransport(VirtualAuthenticatorOptions.Transport.USB)
				.setHasResidentKey(false)
				.setHasUserVerification(false)
				.setIsUserConsenting(true));
			Accounts.registerAndConfirm(browser, email, PASSWORD);
			Accounts.loginSucceeds(browser, email, PASSWORD, false);
			addPasskey(browser, "YubiKey");
			browser.submit(By.id("nav-logout"));

			Accounts.login(browser, email, PASSWORD, false);
			assertThat(browser.path()).as("the password alone is not enough").isEqualTo("/login/second-factor/");
			assertThat(browser.has(By.id("totp-form"))).isFalse();
			browser.open("/");
			assertThat(browser.has(By.id("welcome"))).as("half-signed-in").isFalse();
			browser.open("/login/second-factor/");
			assertThat(browser.driver().findElement(By.id("security-key-submit")).isDisplayed()).isTrue();
			browser.submit(By.id("security-key-submit"));
			assertThat(browser.path()).isEqualTo("/");
			assertThat(browser.waitFor(By.id("welcome")).getText()).contains(email);
			assertThat(jdbc.sql("select count(*) from gh_webauthn_credential c join gh_user u on u.id = c.user_id "
					+ "where u.email = ? and c.last_used_at is not null").param(email).query(Long.class).single())
				.as("the key's use is recorded").isEqualTo(1L);
		}
	}

	/** The console's entries for the refused sign-ins this test made on purpose: those and nothing else. */
	private static void consumeRefusals(Browser browser) {
		List<String> severe = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
		assertThat(severe).isNotEmpty().allMatch(message -> message.contains("/api/webauthn/login - Failed to load "
				+ "resource: the server responded with a status of 40"));
	}

	private static VirtualAuthenticator passkeyAuthenticator(Browser browser) {
		return browser.driver().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
			.setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
			.setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
			.setHasResidentKey(true)
			.setHasUserVerification(true)
			.setIsUserVerified(true)
			.setIsUserConsenting(true));
	}

	private static void addPasskey(Browser browser, String name) {
		browser.open("/");
		browser.driver().findElement(By.id("nav-security-keys")).click();
		browser.waitFor(By.id("webauthn-confirm-form"));
		browser.type(By.id("webauthn-password"), PASSWORD).submit(By.id("webauthn-confirm"));
		browser.type(By.id("webauthn-name"), name);
		browser.submit(By.id("webauthn-register"));
		assertThat(browser.waitFor(By.id("webauthn-notice")).getText()).isNotBlank();
		assertThat(browser.path()).isEqualTo(KEYS);
	}

	private static void signInWithPasskey(Browser browser) {
		browser.open("/login/");
		browser.submit(By.id("passkey-signin"));
	}

	private static String assertion(Browser browser) {
		Object result = ((JavascriptExecutor) browser.driver()).executeAsyncScript(ASSERT);
		assertThat(result).asString().doesNotStartWith("error");
		return (String) result;
	}

	private static Object post(Browser browser, String credential) {
		return ((JavascriptExecutor) browser.driver()).executeAsyncScript(POST, credential);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(Browser browser, String json) {
		return (Map<String, Object>) browser.script("return JSON.parse(arguments[0]);", json);
	}

	private static String stringify(Browser browser, Map<String, Object> value) {
		return (String) browser.script("return JSON.stringify(arguments[0]);", value);
	}
}
