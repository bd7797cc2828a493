package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.token.ApiTokenAuthentication;
import org.gatehouse.token.ApiTokenStore;
import org.gatehouse.token.PersonalAccessTokens;
import org.gatehouse.token.TokenScope;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import tools.jackson.databind.JsonNode;

@GatehouseServerTest
class BearerTokenApiTest {

	@LocalServerPort
	int port;

	ApiTestUsers users;

	@Autowired
	void users(org.gatehouse.account.UserStore store, org.gatehouse.password.PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	@Autowired
	UserStore userStore;

	@Autowired
	ApiTokenStore tokenStore;

	@Autowired
	PersonalAccessTokens tokens;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	AuditLog auditLog;

	@Test
	void tokenIsShownOnceAndAuthenticatesAlone() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		JsonNode created = owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "laptop", "scopes", List.of("user:read"))).json();
		String token = created.path("token").asString();
		assertThat(token).startsWith("gat_").hasSize(47);
		assertThat(created.path("prefix").asString()).isEqualTo(token.substring(0, 12));
		assertThat(owner.get("/api/tokens").json().get(0).has("token")).isFalse();

		ApiClient script = new ApiClient(port);
		ApiClient.Response me = script.get("/api/me", "Authorization", "Bearer " + token);
		assertThat(me.status()).as(me.body()).isEqualTo(200);
		assertThat(me.json().path("email").asString()).isEqualTo(email);
		assertThat(script.cookie("gatehouse_session")).isEmpty();
		assertThat(owner.get("/api/tokens").json().get(0).path("last_used_at").isNull()).isFalse();
	}

	@Test
	void stolenSessionCookieDoesNotActAsItsUser() {
		String victimEmail = ApiTestUsers.uniqueEmail();
		ApiClient victim = users.loggedIn(port, victimEmail);
		String attackerEmail = ApiTestUsers.uniqueEmail();
		ApiClient attacker = users.loggedIn(port, attackerEmail);
		String token = newToken(attacker, "user:read", "user:write");

		attacker.setCookie("gatehouse_session", victim.cookie("gatehouse_session").orElseThrow());
		attacker.setCookie("gatehouse_remember", "");
		ApiClient.Response me = attacker.get("/api/me", "Authorization", "Bearer " + token);
		assertThat(me.json().path("email").asString()).isEqualTo(attackerEmail);
		ApiClient.Response sessions = attacker.get("/api/sessions", "Authorization", "Bearer " + token);
		assertThat(sessions.json().findValuesAsString("current")).doesNotContain("true");
		// revoking "all others" with the victim's cookie attached ends only the token user's sessions
		attacker.delete("/api/sessions", "Authorization", "Bearer " + token);
		assertThat(victim.get("/api/me").status()).isEqualTo(200);
		// an invalid token never falls back to the cookie
		ApiClient.Response invalid = attacker.get("/api/me", "Authorization", "Bearer gat_nope");
		assertThat(invalid.status()).isEqualTo(401);
		assertThat(invalid.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				v -> assertThat(v).startsWith("Bearer"));
	}

	/**
	 * Tokens go through Spring Security's AuthenticationFilter and a manager of their own (issue 16
	 * item 6): each request publishes an authentication event, a bad token a failure event naming
	 * only the token's shown prefix. Neither is a login in the user's audit list.
	 */
	@Test
	void tokenRequestsPublishAuthenticationEventsButAreNoLogins() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		String token = newToken(owner, "user:read");
		String unknown = token.substring(0, 12) + "x".repeat(35);
		List<AbstractAuthenticationEvent> seen = new CopyOnWriteArrayList<>();
		ApplicationListener<AbstractAuthenticationEvent> listener = seen::add;
		context.addApplicationListener(listener);
		ApiClient script = new ApiClient(port);
		ApiClient.Response ok;
		ApiClient.Response bad;
		try {
			ok = script.get("/api/me", "Authorization", "Bearer " + token);
			bad = script.get("/api/me", "Authorization", "bearer " + unknown);
		}
		finally {
			context.removeApplicationListener(listener);
		}
		assertThat(ok.status()).isEqualTo(200);
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.detail()).isEqualTo("Invalid, expired or revoked token");
		assertThat(bad.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");

		assertThat(seen).filteredOn(e -> e instanceof AuthenticationSuccessEvent
				&& e.getAuthentication() instanceof ApiTokenAuthentication auth && auth.getPrincipal().email().equals(email))
			.hasSize(1);
		assertThat(seen).filteredOn(e -> e instanceof AuthenticationFailureBadCredentialsEvent)
			.extracting(e -> e.getAuthentication().getName())
			.contains(token.substring(0, 12))
			.noneMatch(name -> name.contains(unknown));
		long id = userStore.findByEmail(email).orElseThrow().id();
		assertThat(auditLog.aboutUser(id, null, 10)).extracting(AuditEntry::eventType).containsExactly("LOGIN_SUCCESS");
	}

	@Test
	void scopesAreEnforced() {
		ApiClient owner = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		String readOnly = "Bearer " + newToken(owner, "user:read");
		String writeOnly = "Bearer " + newToken(owner, "user:write");
		ApiClient script = new ApiClient(port);

		assertThat(script.get("/api/tokens", "Authorization", readOnly).status()).isEqualTo(200);
		ApiClient.Response create = script.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "x", "scopes", List.of("user:read")),
				"Authorization", readOnly);
		assertThat(create.status()).isEqualTo(403);
		assertThat(create.detail()).isEqualTo("Insufficient scope");
		assertThat(script.post("/api/change-password", Map.of("password", "a", "new_password", "b"),
				"Authorization", readOnly).status()).isEqualTo(403);
		assertThat(script.get("/api/me", "Authorization", writeOnly).status()).isEqualTo(403);
		assertThat(script.post("/api/logout", "", "Authorization", writeOnly).status()).isEqualTo(403);

		// a token only mints tokens within its own scopes; a non-admin gets no admin token at all
		ApiClient.Response stronger = script.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "x", "scopes", List.of("user:read")), "Authorization", writeOnly);
		assertThat(stronger.status()).isEqualTo(400);
		ApiClient.Response admin = owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "x", "scopes", List.of("admin")));
		assertThat(admin.status()).isEqualTo(400);
		assertThat(admin.json().path("errors").get(0).path("field").asString()).isEqualTo("scopes");
	}

	@Test
	void revokedExpiredAndDeactivatedTokensAreRefused() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		JsonNode created = owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "r", "scopes", List.of("user:read"))).json();
		String revoked = "Bearer " + created.path("token").asString();
		ApiClient script = new ApiClient(port);
		assertThat(script.get("/api/me", "Authorization", revoked).status()).isEqualTo(200);
		assertThat(owner.delete("/api/tokens/" + created.path("id").asLong()).status()).isEqualTo(204);
		assertThat(script.get("/api/me", "Authorization", revoked).status()).isEqualTo(401);

		long userId = userStore.findByEmail(email).orElseThrow().id();
		String expired = "gat_expired" + Long.toHexString(System.nanoTime());
		tokenStore.create(userId, "old", sha256(expired), expired.substring(0, 12), Set.of(TokenScope.USER_READ),
				Instant.now().minus(2, ChronoUnit.DAYS), Instant.now().minus(1, ChronoUnit.DAYS));
		assertThat(script.get("/api/me", "Authorization", "Bearer " + expired).status()).isEqualTo(401);
		assertThat(owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "p", "scopes", List.of("user:read"), "expires_at",
				Instant.now().minus(1, ChronoUnit.HOURS).toString())).status()).isEqualTo(400);

		String live = "Bearer " + newToken(owner, "user:read");
		assertThat(script.get("/api/me", "Authorization", live).status()).isEqualTo(200);
		userStore.setActive(userId, false);
		assertThat(script.get("/api/me", "Authorization", live).status()).isEqualTo(401);
		userStore.setActive(userId, true);
		tokens.revokeAllFor(userId);
		assertThat(script.get("/api/me", "Authorization", live).status()).isEqualTo(401);
	}

	@Test
	void anotherUsersTokenIsNotFound() {
		ApiClient alice = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient bob = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		long aliceToken = alice.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "a", "scopes", List.of("user:read"))).json()
			.path("id").asLong();
		ApiClient.Response stolen = bob.delete("/api/tokens/" + aliceToken);
		assertThat(stolen.status()).isEqualTo(404);
		assertThat(stolen.contentType()).startsWith("application/problem+json");
		assertThat(alice.get("/api/tokens").json().size()).isEqualTo(1);
	}

	@Test
	void namesAreVisibleTextAndExpiriesAtMostAYearAhead() {
		ApiClient owner = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient.Response nul = owner.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "ci\u0000bot", "scopes", List.of("user:read")));
		assertThat(nul.status()).as(nul.body()).isEqualTo(400);
		assertThat(nul.json().path("errors").findValuesAsString("field")).containsExactly("name");
		ApiClient.Response forever = owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "ci",
				"scopes", List.of("user:read"), "expires_at", "+999999999-12-31T00:00:00Z"));
		assertThat(forever.status()).as(forever.body()).isEqualTo(400);
		assertThat(forever.json().path("errors").findValuesAsString("field")).containsExactly("expires_at");
		assertThat(owner.get("/api/tokens").json().size()).isZero();

		ApiClient.Response unlimited = owner.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "ci", "scopes", List.of("user:read")));
		assertThat(unlimited.status()).as(unlimited.body()).isEqualTo(201);
		assertThat(Instant.parse(unlimited.json().path("expires_at").asString()))
			.isBetween(Instant.now().plus(364, ChronoUnit.DAYS), Instant.now().plus(366, ChronoUnit.DAYS));
	}

	private static String newToken(ApiClient owner, String... scopes) {
		ApiClient.Response created = owner.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "t", "scopes", List.of(scopes)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("token").asString();
	}

	private static String sha256(String value) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aTokenWithoutThePasswordIsRefusedInTheCallersLanguage() {
		ApiClient owner = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient.Response german = owner.post("/api/tokens", Map.of("name", "x", "scopes", List.of("user:read")),
				"Accept-Language", "de");
		assertThat(german.status()).isEqualTo(403);
		assertThat(german.detail()).isEqualTo(
				"Ein Token zu erstellen braucht Ihr Passwort: Senden Sie Ihr aktuelles Passwort als \"password\" im Anfragerumpf.");
		assertThat(owner.post("/api/tokens", Map.of("name", "x", "scopes", List.of("user:read"))).detail())
			.startsWith("Creating a token needs your password");
	}
}
