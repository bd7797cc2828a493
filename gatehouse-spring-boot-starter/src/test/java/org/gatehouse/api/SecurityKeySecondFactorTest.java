package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.api.ApiTestUsers.PASSWORD;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gatehouse.account.UserStore;
import org.gatehouse.mfa.MfaAccount;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.throttle.AttemptCounters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A security key as the second step after the password, over real HTTP with a software authenticator: /api/login
 * offers it, the challenge names only the pending user's keys and needs a pending login, a right assertion
 * completes the login, a forged or another account's one is refused and counted; an administrator's reset removes
 * the keys; a user whose only factor is a key re-authenticates with the password.
 */
@GatehouseServerTest
class SecurityKeySecondFactorTest {

	static final String OPTIONS = "/api/login/second-factor/webauthn/options";
	static final String ANSWER = "/api/login/second-factor";

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AttemptCounters counters;

	@Autowired
	MfaAccount mfaAccount;

	private SoftwareAuthenticator keyOf(String email) {
		SoftwareAuthenticator key = new SoftwareAuthenticator("http://localhost:" + port);
		ApiClient owner = new ApiTestUsers(store, passwords).loggedIn(port, email);
		ApiClient.Response options = owner.post("/api/webauthn/registration/options", Map.of("password", PASSWORD));
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		ApiClient.Response added = owner.post("/api/webauthn/credentials",
				Map.of("name", "Desk key", "credential", key.create(options.body())));
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		return key;
	}

	/** A client that has given the right password and waits for the second step. */
	private ApiClient pending(String email) {
		ApiClient client = new ApiClient(port);
		ApiClient.Response login = client.post("/api/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.status()).as(login.body()).isEqualTo(202);
		assertThat(login.json().path("factors").toString()).contains("\"webauthn\"");
		client.get("/api/csrf");
		return client;
	}

	/** A client that has given the password of the key's owner and answers the second step with the key. */
	static ApiClient signedInWithPasswordAndKey(int port, String email, SoftwareAuthenticator key) {
		ApiClient client = new ApiClient(port);
		assertThat(client.post("/api/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(202);
		client.get("/api/csrf");
		ApiClient.Response done = answer(client, key.get(client.post(OPTIONS, Map.of()).body()));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		return client;
	}

	private static ApiClient.Response answer(ApiClient client, Map<String, Object> assertion) {
		return client.post(ANSWER, Map.of("factor", "webauthn", "code", ApiClient.JSON.writeValueAsString(assertion)));
	}

	private long idOf(String email) {
		return store.findByEmail(email).orElseThrow().id();
	}

	private List<String> auditEvents(String email, String type) {
		return jdbc.sql("select coalesce(a.details, '') from gh_audit_log a join gh_user u on u.id = a.subject_user_id "
				+ "where u.email = ? and a.event_type = ? order by a.id").params(email, type).query(String.class).list();
	}

	@Test
	void passwordThenSecurityKeyCompletesTheLogin() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = keyOf(email);

		ApiClient browser = pending(email);
		assertThat(browser.get("/api/me").status()).as("half-signed-in").isEqualTo(401);
		ApiClient.Response options = browser.post(OPTIONS, Map.of());
		assertThat(options.status()).as(options.body()).isEqualTo(200);
		assertThat(options.contentType()).startsWith("application/json");
		assertThat(options.json().path("allowCredentials")).hasSize(1);
		assertThat(options.json().path("allowCredentials").get(0).path("id").asString()).isEqualTo(key.credentialId());

		ApiClient.Response done = answer(browser, key.get(options.body()));
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.json().path("email").asString()).isEqualTo(email);
		assertThat(browser.get("/api/me").json().path("email").asString()).isEqualTo(email);
	}

	@Test
	void aForgedOrAnotherAccountsAssertionIsRefusedAndCounted() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = keyOf(email);
		SoftwareAuthenticator strangersKey = keyOf(ApiTestUsers.uniqueEmail());

		ApiClient attacker = pending(email);
		ApiClient.Response options = attacker.post(OPTIONS, Map.of());
		Map<String, Object> forged = key.get(options.body());
		@SuppressWarnings("unchecked")
		Map<String, Object> response = new LinkedHashMap<>((Map<String, Object>) forged.get("response"));
		response.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[70]));
		forged.put("response", response);
		ApiClient.Response refused = answer(attacker, forged);
		assertThat(refused.status()).as(refused.body()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");

		ApiClient.Response again = attacker.post(OPTIONS, Map.of());
		ApiClient.Response otherKey = answer(attacker, strangersKey.get(again.body()));
		assertThat(otherKey.status()).as("another account's key").isEqualTo(401);
		assertThat(attacker.get("/api/me").status()).isEqualTo(401);

		assertThat(auditEvents(email, "SECOND_FACTOR_FAILURE")).containsExactly("webauthn", "webauthn");
		assertThat(counters.get("mfa:" + idOf(email) + ":failures")).hasValue(2L);
		assertThat(auditEvents(email, "LOGIN_FAILURE")).as("counted once, by the second step").isEmpty();

		ApiClient.Response tooLong = attacker.post(ANSWER, Map.of("factor", "totp", "code", "1".repeat(65)));
		assertThat(tooLong.status()).as("a long answer only for the security key").isEqualTo(400);
	}

	@Test
	void theChallengeNeedsALoginWaitingForTheKeysOwner() {
		ApiClient.Response anonymous = new ApiClient(port).post(OPTIONS, Map.of());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");

		String withoutKey = ApiTestUsers.uniqueEmail();
		ApiClient signedIn = new ApiTestUsers(store, passwords).loggedIn(port, withoutKey);
		assertThat(signedIn.post(OPTIONS, Map.of()).status()).as("signed in, nothing pending").isEqualTo(401);

		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = keyOf(email);
		ApiClient fresh = new ApiClient(port);
		fresh.get("/api/csrf");
		ApiClient.Response noChallenge = answer(fresh, key.get("{\"challenge\":\"AAAA\",\"rpId\":\"localhost\"}"));
		assertThat(noChallenge.status()).as("no pending login").isEqualTo(401);
	}

	@Test
	void anAdministratorsResetRemovesTheKeysAndAKeyOnlyAccountReauthenticatesWithItsPassword() {
		String email = ApiTestUsers.uniqueEmail();
		SoftwareAuthenticator key = keyOf(email);
		ApiClient browser = pending(email);
		ApiClient.Response options = browser.post(OPTIONS, Map.of());
		assertThat(answer(browser, key.get(options.body())).status()).isEqualTo(200);
		ApiClient.Response token = browser.post("/api/tokens",
				Map.of("password", PASSWORD, "name", "cli", "scopes", List.of("user:read")));
		assertThat(token.status()).as(token.body()).isEqualTo(201);

		assertThat(mfaAccount.reset(idOf(email), null)).isTrue();
		assertThat(jdbc.sql("select count(*) from gh_webauthn_credential where user_id = ?").param(idOf(email))
			.query(Long.class).single()).isZero();
		assertThat(auditEvents(email, "SECOND_FACTORS_RESET")).hasSize(1);
		ApiClient.Response passwordAlone = new ApiClient(port).post("/api/login",
				Map.of("email", email, "password", PASSWORD));
		assertThat(passwordAlone.status()).as("no factor left").isEqualTo(200);
	}
}
