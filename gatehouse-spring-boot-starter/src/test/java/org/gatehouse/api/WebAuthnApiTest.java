package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gatehouse.api.ApiTestUsers.PASSWORD;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.webauthn.SecurityKeyVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import tools.jackson.databind.JsonNode;

/**
 * /api/webauthn/ over real HTTP with a software authenticator: adding a key needs the password, signs
 * out the other sessions and is audited; listing, renaming and removing only touch the caller's keys;
 * a passkey signs in alone; a copy with an old counter, a forged signature, an unknown or a banned
 * user's key are refused; the second-factor service checks a key for one given account.
 */
@GatehouseServerTest
class WebAuthnApiTest {

	static final String KEYS = "/api/webauthn/credentials";

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecurityKeyVerification secondFactor;

	private SoftwareAuthenticator authenticator() {
		return new SoftwareAuthenticator("http://localhost:" + port);
	}

	private ApiClient loggedIn(String email) {
		return new ApiTestUsers(store, passwords).loggedIn(port, email);
	}

	private static ApiClient.Response register(ApiClient client, SoftwareAuthenticator key, String name) {
		ApiClient.Response options = client.post("/api/webauthn/registration/options", Map.of("password", PASSWORD));
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		return client.post(KEYS, Map.of("name", name, "credential", key.create(options.body())));
	}

	private ApiClient.Response signIn(ApiClient client, SoftwareAuthenticator key) {
		ApiClient.Response options = client.post("/api/webauthn/authentication/options", Map.of());
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		assertThat(options.json().path("allowCredentials").isEmpty()).as("discoverable: no key named").isTrue();
		client.get("/api/csrf");
		return client.post("/api/webauthn/login", Map.of("credential", key.get(options.body())));
	}

	private static ApiClient.Response patch(ApiClient client, String path, Object body) {
		return client.send(client.request(path, "Content-Type", "application/json", "X-CSRFToken",
				client.cookie("csrftoken").orElseThrow())
			.method("PATCH", HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(body))));
	}

	private List<String> auditEvents(String email, String type) {
		return jdbc.sql("select coalesce(a.details, '') from gh_audit_log a join gh_user u on u.id = a.subject_user_id "
				+ "where u.email = ? and a.event_type = ? order by a.id").params(email, type).query(String.class).list();
	}

	@Test
	void aKeyIsAddedListedRenamedAndRemovedAndEachChangeSignsOutTheOtherSessions() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = loggedIn(email);
		ApiClient otherSession = new ApiClient(port);
		assertThat(otherSession.post("/api/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);

		SoftwareAuthenticator key = authenticator();
		ApiClient.Response added = register(owner, key, "  YubiKey 5  ");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().path("name").asString()).isEqualTo("YubiKey 5");
		assertThat(added.json().path("id").asString()).isEqualTo(key.credentialId());
		assertThat(added.json().path("created_at").isMissingNode()).isFalse();
		assertThat(otherSession.get("/api/me").status()).as("the other session is signed out").isEqualTo(401);
		assertThat(owner.get("/api/me").status()).as("the owner's session stays").isEqualTo(200);

		JsonNode listed = owner.get(KEYS).json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("name").asString()).isEqualTo("YubiKey 5");

		ApiClient.Response renamed = patch(owner, KEYS + "/" + key.credentialId(), Map.of("name", "Desk key"));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(owner.get(KEYS).json().get(0).path("name").asString()).isEqualTo("Desk key");

		// the account has a key now: the password alone no longer signs in
		ApiClient thirdSession = SecurityKeySecondFactorTest.signedInWithPasswordAndKey(port, email, key);
		ApiClient.Response removed = owner.delete(KEYS + "/" + key.credentialId());
		assertThat(removed.status()).as(removed.body()).isEqualTo(204);
		assertThat(owner.get(KEYS).json()).isEmpty();
		assertThat(thirdSession.get("/api/me").status()).as("signed out by the removal").isEqualTo(401);
		assertThat(auditEvents(email, "SECURITY_KEY_ADDED")).containsExactly("YubiKey 5");
		assertThat(auditEvents(email, "SECURITY_KEY_REMOVED")).containsExactly("Desk key");
	}

	@Test
	void addingAndRemovingNeedTheCurrentPassword() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = loggedIn(email);
		ApiClient.Response withoutPassword = owner.post("/api/webauthn/registration/options", Map.of());
		assertThat(withoutPassword.status()).isEqualTo(403);
		assertThat(withoutPassword.contentType()).startsWith("application/problem+json");
		assertThat(withoutPassword.detail()).contains("password");
		ApiClient.Response wrongPassword = owner.post("/api/webauthn/registration/options",
				Map.of("password", "not-the-password"));
		assertThat(wrongPassword.status()).isEqualTo(400);

		SoftwareAuthenticator key = authenticator();
		assertThat(register(owner, key, "Phone").status()).isEqualTo(201);
		ApiClient later = SecurityKeySecondFactorTest.signedInWithPasswordAndKey(port, email, key);
		assertThat(later.delete(KEYS + "/" + key.credentialId()).status()).as("no recent password").isEqualTo(403);
		assertThat(later.get(KEYS).json()).hasSize(1);
	}

	@Test
	void badInputAndOtherAccountsKeysAreRefusedWithProblems() {
		assertThat(new ApiClient(port).get(KEYS).status()).as("anonymous").isEqualTo(401);

		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = loggedIn(email);
		SoftwareAuthenticator key = authenticator();
		assertThat(register(owner, key, "Phone").status()).isEqualTo(201);

		ApiClient.Response noCeremony = owner.post(KEYS, Map.of("name", "Again", "password", PASSWORD,
				"credential", authenticator().create("{\"challenge\":\"AAAA\",\"rp\":{\"id\":\"localhost\"},"
						+ "\"user\":{\"id\":\"AAAA\"}}")));
		assertThat(noCeremony.status()).as(noCeremony.body()).isEqualTo(400);
		assertThat(noCeremony.contentType()).startsWith("application/problem+json");

		ApiClient.Response options = owner.post("/api/webauthn/registration/options", Map.of());
		assertThat(options.status()).isEqualTo(200);
		ApiClient.Response malformed = owner.post(KEYS, Map.of("name", "Broken", "credential", Map.of("id", 12)));
		assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
		assertThat(owner.post(KEYS, Map.of("name", " ", "credential", Map.of())).status()).isEqualTo(400);
		assertThat(owner.post(KEYS, Map.of("name", "x".repeat(65), "credential", Map.of())).status()).isEqualTo(400);
		assertThat(patch(owner, KEYS + "/" + key.credentialId(), Map.of("name", "")).status()).isEqualTo(400);

		ApiClient stranger = loggedIn(ApiTestUsers.uniqueEmail());
		assertThat(patch(stranger, KEYS + "/" + key.credentialId(), Map.of("name", "Mine")).status()).isEqualTo(404);
		assertThat(stranger.post("/api/webauthn/registration/options", Map.of("password", PASSWORD)).status())
			.isEqualTo(200);
		ApiClient.Response removal = stranger.delete(KEYS + "/" + key.credentialId());
		assertThat(removal.status()).isEqualTo(404);
		assertThat(removal.contentType()).startsWith("application/problem+json");
		assertThat(stranger.delete(KEYS + "/not*base64").status()).isEqualTo(404);
		assertThat(owner.get(KEYS).json().get(0).path("name").asString()).isEqualTo("Phone");
	}

	@Test
	void aPasskeySignsInAloneAsASessionLogin() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = authenticator();
		assertThat(register(loggedIn(email), key, "Laptop").status()).isEqualTo(201);

		ApiClient browser = new ApiClient(port);
		ApiClient.Response signedIn = signIn(browser, key);
		assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
		assertThat(signedIn.json().path("email").asString()).isEqualTo(email);
		assertThat(signedIn.json().path("redirect_url").asString()).isEqualTo("/");
		assertThat(browser.get("/api/me").json().path("email").asString()).isEqualTo(email);
		assertThat(auditEvents(email, "LOGIN_SUCCESS")).contains("passkey");
		assertThat(browser.get(KEYS).json().get(0).path("last_used_at").isNull()).isFalse();
	}

	@Test
	void aClonedKeyAForgedSignatureAnUnknownKeyAndABannedUserAreRefused() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = authenticator();
		assertThat(register(loggedIn(email), key, "Laptop").status()).isEqualTo(201);
		assertThat(signIn(new ApiClient(port), key).status()).isEqualTo(200);
		assertThat(signIn(new ApiClient(port), key).status()).isEqualTo(200);

		key.counter(1); // a copy made after the first sign-in: it counts 2 again
		ApiClient clone = new ApiClient(port);
		ApiClient.Response cloned = signIn(clone, key);
		assertThat(cloned.status()).as("counter not above the stored one").isEqualTo(401);
		assertThat(cloned.contentType()).startsWith("application/problem+json");
		assertThat(clone.get("/api/me").status()).isEqualTo(401);
		assertThat(auditEvents(email, "LOGIN_FAILURE")).anyMatch(details -> details.startsWith("passkey"));

		key.counter(10);
		ApiClient forger = new ApiClient(port);
		ApiClient.Response options = forger.post("/api/webauthn/authentication/options", Map.of());
		Map<String, Object> assertion = key.get(options.body());
		@SuppressWarnings("unchecked")
		Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) assertion.get("response"));
		response.put("clientDataJSON", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
				("{\"type\":\"webauthn.get\",\"challenge\":\"" + options.json().path("challenge").asString()
						+ "\",\"origin\":\"http://localhost:" + port + "\",\"crossOrigin\":true}").getBytes()));
		assertion.put("response", response);
		forger.get("/api/csrf");
		assertThat(forger.post("/api/webauthn/login", Map.of("credential", assertion)).status())
			.as("signature over other client data").isEqualTo(401);

		assertThat(signIn(new ApiClient(port), authenticator()).status()).as("unknown key").isEqualTo(401);

		long id = store.findByEmail(email).orElseThrow().id();
		store.setActive(id, false);
		assertThat(signIn(new ApiClient(port), key).status()).as("banned").isEqualTo(401);
		store.setActive(id, true);
		assertThat(signIn(new ApiClient(port), key).status()).isEqualTo(200);
	}

	@Test
	void theSecondFactorServiceChecksAKeyForOneAccount() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = authenticator();
		assertThat(register(loggedIn(email), key, "Laptop").status()).isEqualTo(201);
		long userId = store.findByEmail(email).orElseThrow().id();
		String otherEmail = ApiTestUsers.uniqueEmail();
		loggedIn(otherEmail);
		long otherId = store.findByEmail(otherEmail).orElseThrow().id();
		assertThat(secondFactor.hasSecurityKey(userId)).isTrue();
		assertThat(secondFactor.hasSecurityKey(otherId)).isFalse();

		MockHttpServletRequest request = request();
		String options = secondFactor.options(userId, request);
		assertThat(ApiClient.JSON.readTree(options).path("allowCredentials").get(0).path("id").asString())
			.isEqualTo(key.credentialId());
		Authentication verified = secondFactor.verify(userId, ApiClient.JSON.writeValueAsString(key.get(options)), request);
		assertThat(verified.getAuthorities()).extracting("authority").contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
		assertThat(verified.getName()).isEqualTo(Long.toString(userId));

		assertThatThrownBy(() -> secondFactor.verify(userId, ApiClient.JSON.writeValueAsString(key.get(options)), request))
			.as("the challenge answers once").isInstanceOf(BadCredentialsException.class);
		String othersOptions = secondFactor.options(otherId, request);
		assertThatThrownBy(() -> secondFactor.verify(otherId, ApiClient.JSON.writeValueAsString(key.get(othersOptions)),
				request)).as("another account's key").isInstanceOf(BadCredentialsException.class);
	}

	/** A request as the server sees one from the browser at http://localhost:port. */
	private MockHttpServletRequest request() {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login/second-factor");
		request.setServerName("localhost");
		request.setServerPort(port);
		request.setLocalPort(port);
		request.addHeader("Host", "localhost:" + port);
		return request;
	}
}
