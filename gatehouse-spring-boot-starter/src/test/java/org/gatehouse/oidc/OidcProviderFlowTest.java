package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.oidc.OidcTestClient.json;
import static org.gatehouse.oidc.OidcTestClient.location;
import static org.gatehouse.oidc.OidcTestClient.query;

import java.net.URLEncoder;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEObjectType;
import com.sun.net.httpserver.HttpServer;
import org.gatehouse.admin.BanService;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.JsonNode;

import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gatehouse as an OpenID Connect provider over real HTTP: discovery, JWKS, authorization code with PKCE through
 * Gatehouse's login and consent pages, ID token and userinfo claims, refresh-token rotation and reuse detection,
 * introspection, revocation, client credentials, /api with access tokens, RP-initiated and back-channel logout.
 * On the embedded H2 here; {@link OidcProviderFlowPostgresTest} runs the same flows on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcProviderFlowTest {

	static final String PASSWORD = "correct horse battery staple 42";
	static final String REDIRECT = "http://rp.example.test/login/oauth2/code/gatehouse";

	static GatehouseInstance server;
	static String base;
	/** A relying party's back-channel logout endpoint: a plain local HTTP server collecting logout tokens. */
	static HttpServer relyingParty;
	static final BlockingQueue<String> logoutTokens = new LinkedBlockingQueue<>();

	/** The running provider: the one the provider's HTTP tests share, on the embedded H2. */
	GatehouseInstance provider() {
		return OidcProviderServer.shared();
	}

	@BeforeAll
	void start() throws java.io.IOException {
		server = provider();
		base = server.baseUrl();
		relyingParty = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		relyingParty.createContext("/backchannel", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			logoutTokens.add(URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8));
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		relyingParty.start();
	}

	@AfterAll
	void stop() {
		relyingParty.stop(0);
	}

	static long user(String fullName, boolean confirmed) {
		String email = "oidc-" + UUID.randomUUID() + "@example.org";
		long id = server.bean(UserStore.class).create(email, null, server.bean(PasswordService.class).hashNew(PASSWORD),
				confirmed);
		server.bean(JdbcClient.class).sql("update gh_user set full_name = ? where id = ?").params(fullName, id).update();
		return id;
	}

	static String email(long id) {
		return server.bean(UserStore.class).findById(id).orElseThrow().email();
	}

	static CreatedOidcClient client(boolean publicClient, boolean skipConsent, String... scopes) {
		return server.bean(OidcClients.class).create(new NewOidcClient("rp-" + UUID.randomUUID(), List.of(REDIRECT),
				List.of(), publicClient, List.of(scopes), skipConsent, null), null);
	}

	/** Logs in through the login page the authorization endpoint sends to; answers the authorization endpoint's reply. */
	static HttpResponse<String> loginAndAuthorize(FormClient browser, String authorizeUrl, String email) {
		HttpResponse<String> toLogin = browser.get(authorizeUrl);
		String login = location(toLogin);
		assertThat(login).startsWith(base + "/login/?next=");
		HttpResponse<String> loggedIn = browser.submit(login, login, Map.of("login", email, "password", PASSWORD));
		assertThat(location(loggedIn)).isEqualTo(authorizeUrl);
		return browser.get(location(loggedIn));
	}

	@Test
	void discoveryNamesTheEndpointsAndOffersCodeWithPkceOnly() {
		OidcTestClient rp = new OidcTestClient(base, "none", null, REDIRECT);
		JsonNode discovery = json(rp.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(base + "/.well-known/openid-configuration")).build()));
		assertThat(discovery.path("issuer").asString()).isEqualTo(base);
		assertThat(discovery.path("authorization_endpoint").asString()).isEqualTo(base + "/oauth2/authorize");
		assertThat(discovery.path("jwks_uri").asString()).isEqualTo(base + "/oauth2/jwks");
		assertThat(discovery.path("userinfo_endpoint").asString()).isEqualTo(base + "/userinfo");
		assertThat(discovery.path("end_session_endpoint").asString()).isEqualTo(base + "/connect/logout");
		assertThat(discovery.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
		assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
		assertThat(discovery.path("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"ES256\"]");
		assertThat(discovery.path("scopes_supported").toString()).contains("openid", "profile", "email", "roles");
		assertThat(discovery.path("backchannel_logout_supported").asBoolean()).isTrue();
	}

	@Test
	void codeWithPkceThroughLoginAndConsentGivesSignedTokensWithTheUsersClaims() throws Exception {
		long userId = user("Ada Lovelace", true);
		server.bean(UserStore.class).addRole(userId, "admin");
		CreatedOidcClient client = client(false, false, "openid", "profile", "email", "roles");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		FormClient browser = new FormClient();

		String authorize = rp.authorizeUrl("openid profile email roles", "state-1", "nonce-1", true);
		HttpResponse<String> toConsent = loginAndAuthorize(browser, authorize, email(userId));
		String consentUrl = location(toConsent);
		assertThat(consentUrl).startsWith(base + "/oauth2/consent?");
		HttpResponse<String> consentPage = browser.get(consentUrl);
		assertThat(consentPage.statusCode()).isEqualTo(200);
		assertThat(consentPage.body()).contains(client.client().name(), "Your email address", "Your roles");
		// the consent form's redirect to the relying party is allowed by the page's CSP, and only that origin
		assertThat(consentPage.headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("form-action 'self' http://rp.example.test;");

		Map<String, String> consent = query(consentUrl);
		// scope approval is per checkbox: the form posts each as its own "scope" field
		HttpResponse<String> callback = browser.submit(consentUrl, base + "/oauth2/authorize", Map.of("client_id", rp.clientId,
				"state", consent.get("state"), "scope", "profile"));
		String redirect = location(callback);
		assertThat(redirect).startsWith(REDIRECT + "?code=");
		assertThat(query(redirect)).containsEntry("state", "state-1");

		HttpResponse<String> tokens = rp.exchange(query(redirect).get("code"));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		JsonNode body = json(tokens);
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.path("expires_in").asInt()).isBetween(290, 300);
		assertThat(body.path("refresh_token").asString()).isNotEmpty();

		SignedJWT idToken = SignedJWT.parse(body.path("id_token").asString());
		JWKSet keys = JWKSet.parse(rp.send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(base + "/oauth2/jwks")).build()).body());
		ECKey key = (ECKey) keys.getKeyByKeyId(idToken.getHeader().getKeyID());
		assertThat(key.isPrivate()).isFalse();
		assertThat(idToken.verify(new ECDSAVerifier(key))).isTrue();
		Map<String, Object> claims = idToken.getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("sub", Long.toString(userId)).containsEntry("nonce", "nonce-1")
			.containsEntry("iss", base).containsEntry("name", "Ada Lovelace");
		// the user approved profile only: no email, no roles
		assertThat(claims).doesNotContainKeys("email", "roles");

		JsonNode userInfo = json(rp.get("/userinfo", body.path("access_token").asString()));
		assertThat(userInfo.path("sub").asString()).isEqualTo(Long.toString(userId));
		assertThat(userInfo.path("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(userInfo.has("email")).isFalse();
	}

	@Test
	void skippedConsentReleasesEmailVerifiedAndRoles() throws Exception {
		long userId = user("Grace Hopper", false);
		server.bean(UserStore.class).addRole(userId, "admin");
		CreatedOidcClient client = client(false, true, "openid", "email", "roles");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		HttpResponse<String> callback = loginAndAuthorize(new FormClient(),
				rp.authorizeUrl("openid email roles", "s", "n", true), email(userId));
		String code = query(location(callback)).get("code");
		JsonNode body = json(rp.exchange(code));
		Map<String, Object> claims = SignedJWT.parse(body.path("id_token").asString()).getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("email", email(userId)).containsEntry("email_verified", false)
			.containsEntry("roles", List.of("admin"));
		JsonNode userInfo = json(rp.get("/userinfo", body.path("access_token").asString()));
		assertThat(userInfo.path("email").asString()).as(userInfo.toString()).isEqualTo(email(userId));
		assertThat(userInfo.path("email_verified").isBoolean()).isTrue();
		assertThat(userInfo.path("email_verified").asBoolean()).isFalse();
		assertThat(userInfo.path("roles").toString()).isEqualTo("[\"admin\"]");
	}

	@Test
	void aReplacedRefreshTokenUsedAgainRevokesTheWholeFamily() {
		long userId = user("Refresh User", true);
		CreatedOidcClient client = client(false, true, "openid");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		HttpResponse<String> callback = loginAndAuthorize(new FormClient(), rp.authorizeUrl("openid", "s", "n", true),
				email(userId));
		JsonNode first = json(rp.exchange(query(location(callback)).get("code")));
		String firstRefresh = first.path("refresh_token").asString();

		HttpResponse<String> rotated = rp.refresh(firstRefresh);
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String secondRefresh = json(rotated).path("refresh_token").asString();
		assertThat(secondRefresh).isNotEqualTo(firstRefresh);

		HttpResponse<String> reused = rp.refresh(firstRefresh);
		assertThat(reused.statusCode()).isEqualTo(400);
		assertThat(json(reused).path("error").asString()).isEqualTo("invalid_grant");
		// the thief's or the client's newer token: both dead now
		HttpResponse<String> afterTheft = rp.refresh(secondRefresh);
		assertThat(afterTheft.statusCode()).isEqualTo(400);
		assertThat(rp.get("/userinfo", json(rotated).path("access_token").asString()).statusCode()).isEqualTo(401);
	}

	/** The clean-up task on what the provider really stores: a login's authorization lives as long as its refresh token. */
	@Test
	void theCleanUpKeepsAnAuthorizationWhileItsRefreshTokenLivesAndRemovesItAfterwards() {
		long userId = user("Cleanup User", true);
		CreatedOidcClient client = client(false, true, "openid");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		JsonNode first = tokens(rp, new FormClient(), userId, "openid");
		HttpResponse<String> rotated = rp.refresh(first.path("refresh_token").asString());
		assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
		String refreshToken = json(rotated).path("refresh_token").asString();
		OidcProperties properties = server.bean(OidcProperties.class);
		JdbcClient jdbc = server.bean(JdbcClient.class);
		String authorization = jdbc.sql("select id from oauth2_authorization where principal_name = ?")
			.param(Long.toString(userId)).query(String.class).single();

		// access and ID token long expired, refresh token alive: kept
		cleanUpAt(Instant.now().plus(Duration.ofDays(2)));
		assertThat(rows("oauth2_authorization", "id", authorization)).isEqualTo(1);
		assertThat(rows("gh_oidc_replaced_refresh_token", "authorization_id", authorization)).isEqualTo(1);

		cleanUpAt(Instant.now().plus(properties.getRefreshTokenTimeToLive())
			.plus(properties.getExpiredAuthorizationRetention()).plus(Duration.ofMinutes(5)));
		assertThat(rows("oauth2_authorization", "id", authorization)).isZero();
		assertThat(rows("gh_oidc_replaced_refresh_token", "authorization_id", authorization)).isZero();
		assertThat(rp.refresh(refreshToken).statusCode()).isEqualTo(400);
	}

	static void cleanUpAt(Instant when) {
		new ExpiredAuthorizationsTask(new org.gatehouse.tasks.BatchedDelete(server.bean(javax.sql.DataSource.class), 100),
				server.bean(OidcProperties.class), java.time.Clock.fixed(when, java.time.ZoneOffset.UTC)).run();
	}

	static int rows(String table, String column, String value) {
		return server.bean(JdbcClient.class).sql("select count(*) from " + table + " where " + column + " = ?")
			.param(value).query(Integer.class).single();
	}

	@Test
	void publicClientsMustUsePkceAndTheImplicitFlowIsRefused() {
		CreatedOidcClient client = client(true, true, "openid");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), null, REDIRECT);
		long userId = user("Public User", true);
		FormClient browser = new FormClient();
		browser.login(base, email(userId), PASSWORD);

		// refused on Gatehouse's error page: no code, and nothing sent to the redirect URI
		HttpResponse<String> withoutPkce = browser.get(rp.authorizeUrl("openid", "s", "n", false));
		assertThat(location(withoutPkce)).doesNotContain("code=");
		assertThat(query(location(withoutPkce))).containsEntry("error", "invalid_request");

		String implicit = rp.authorizeUrl("openid", "s", "n", true).replace("response_type=code", "response_type=token");
		HttpResponse<String> refused = browser.get(implicit);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Location")).isEmpty();

		HttpResponse<String> withPkce = browser.get(rp.authorizeUrl("openid", "s", "n", true));
		assertThat(rp.exchange(query(location(withPkce)).get("code")).statusCode()).isEqualTo(200);
	}

	@Test
	void anUnregisteredRedirectUriIsNeverRedirectedTo() {
		CreatedOidcClient client = client(false, true, "openid");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(),
				REDIRECT + "/other");
		FormClient browser = new FormClient();
		browser.login(base, email(user("Redirect User", true)), PASSWORD);
		HttpResponse<String> response = browser.get(rp.authorizeUrl("openid", "s", "n", true));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Location")).isEmpty();
	}

	/** Tokens for a user of a consent-free confidential client, through the login page. */
	static JsonNode tokens(OidcTestClient rp, FormClient browser, long userId, String scope) {
		HttpResponse<String> callback = loginAndAuthorize(browser, rp.authorizeUrl(scope, "s", "n", true), email(userId));
		HttpResponse<String> tokens = rp.exchange(query(location(callback)).get("code"));
		assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
		return json(tokens);
	}

	static java.net.http.HttpRequest.Builder request(String path) {
		return java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path));
	}

	static String basic(CreatedOidcClient client) {
		return "Basic " + java.util.Base64.getEncoder().encodeToString(
				(client.client().clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void gatehousesApiAcceptsAccessTokensWithTheirScopesUntilRevoked() {
		long userId = user("Api User", true);
		CreatedOidcClient client = client(false, true, "openid", "user:read");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		String accessToken = tokens(rp, new FormClient(), userId, "openid user:read").path("access_token").asString();

		HttpResponse<String> me = rp.get("/api/me", accessToken);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(json(me).path("email").asString()).isEqualTo(email(userId));
		// no CSRF token needed with a Bearer token, but user:read does not allow writing
		HttpResponse<String> write = rp.post(request("/api/change-password").header("Authorization", "Bearer " + accessToken),
				Map.of());
		assertThat(write.statusCode()).isEqualTo(403);

		HttpResponse<String> active = rp.post(request("/oauth2/introspect").header("Authorization", basic(client)),
				Map.of("token", accessToken));
		assertThat(json(active).path("active").asBoolean()).isTrue();
		assertThat(json(active).path("scope").asString()).contains("user:read");

		HttpResponse<String> revoked = rp.post(request("/oauth2/revoke").header("Authorization", basic(client)),
				Map.of("token", accessToken, "token_type_hint", "access_token"));
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(json(rp.post(request("/oauth2/introspect").header("Authorization", basic(client)),
				Map.of("token", accessToken))).path("active").asBoolean()).isFalse();
		HttpResponse<String> after = rp.get("/api/me", accessToken);
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
	}

	@Test
	void clientCredentialsGiveAClientTokenThatIsNoUsersToken() {
		CreatedOidcClient client = client(false, true, "openid", "user:read");
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		HttpResponse<String> token = rp.token(Map.of("grant_type", "client_credentials", "scope", "user:read"));
		assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
		String accessToken = json(token).path("access_token").asString();
		assertThat(json(token).has("refresh_token")).isFalse();
		JsonNode introspected = json(rp.post(request("/oauth2/introspect").header("Authorization", basic(client)),
				Map.of("token", accessToken)));
		assertThat(introspected.path("active").asBoolean()).isTrue();
		assertThat(introspected.path("sub").asString()).isEqualTo(client.client().clientId());
		assertThat(rp.get("/api/me", accessToken).statusCode()).isEqualTo(401);

		HttpResponse<String> wrongSecret = new OidcTestClient(base, client.client().clientId(), "not-the-secret", REDIRECT)
			.token(Map.of("grant_type", "client_credentials", "scope", "user:read"));
		assertThat(wrongSecret.statusCode()).isEqualTo(401);
	}

	@Test
	void rpInitiatedLogoutEndsTheGatehouseSessionAndReturnsToTheRegisteredUri() {
		long userId = user("Logout User", true);
		CreatedOidcClient client = server.bean(OidcClients.class).create(new NewOidcClient("rp-" + UUID.randomUUID(),
				List.of(REDIRECT), List.of("http://rp.example.test/signed-out"), false, List.of("openid"), true, null),
				null);
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(), REDIRECT);
		FormClient browser = new FormClient();
		String idToken = tokens(rp, browser, userId, "openid").path("id_token").asString();
		assertThat(browser.get(base + "/account/settings/sessions/").statusCode()).isEqualTo(200);

		HttpResponse<String> loggedOut = browser.get(base + "/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + enc("http://rp.example.test/signed-out") + "&state=bye");
		assertThat(location(loggedOut)).isEqualTo("http://rp.example.test/signed-out?state=bye");
		assertThat(location(browser.get(base + "/account/settings/sessions/"))).contains("/login/");
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Back-channel logout after a ban: the tokens stop working and the relying party gets a signed logout token. */
	@Test
	void aBanRevokesTheUsersTokensAndSendsALogoutToken() throws Exception {
		String email = "banned-" + UUID.randomUUID() + "@example.org";
		long userId = server.bean(UserStore.class).create(email, null,
				server.bean(PasswordService.class).hashNew(PASSWORD), true);
		String backchannel = "http://127.0.0.1:" + relyingParty.getAddress().getPort() + "/backchannel";
		CreatedOidcClient client = server.bean(OidcClients.class).create(new NewOidcClient("rp-" + UUID.randomUUID(),
				List.of(REDIRECT), List.of(), false, List.of("openid"), true, backchannel), null);
		OidcTestClient rp = new OidcTestClient(base, client.client().clientId(), client.clientSecret(),
				REDIRECT);
		JsonNode tokens = tokens(rp, new FormClient(), userId, "openid");
		String idSid = (String) SignedJWT.parse(tokens.path("id_token").asString()).getJWTClaimsSet().getClaim("sid");

		server.bean(BanService.class).ban(null, userId);

		String logoutToken = logoutTokens.poll(10, TimeUnit.SECONDS);
		assertThat(logoutToken).as("logout token received").isNotNull();
		SignedJWT jwt = SignedJWT.parse(logoutToken);
		assertThat(jwt.getHeader().getType()).isEqualTo(new JOSEObjectType("logout+jwt"));
		JWKSet keys = JWKSet.parse(rp.send(request("/oauth2/jwks").build()).body());
		assertThat(jwt.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID())))).isTrue();
		Map<String, Object> claims = jwt.getJWTClaimsSet().getClaims();
		assertThat(claims).containsEntry("iss", base).containsEntry("sub", Long.toString(userId))
			.containsKey("events").doesNotContainKey("nonce");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(client.client().clientId());
		assertThat(jwt.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(idSid);
		assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant()).isAfter(Instant.now())
			.isBefore(Instant.now().plus(Duration.ofMinutes(5)));

		assertThat(rp.refresh(tokens.path("refresh_token").asString()).statusCode()).isEqualTo(400);
		assertThat(rp.get("/userinfo", tokens.path("access_token").asString()).statusCode()).isEqualTo(401);
		assertThat(json(rp.post(request("/oauth2/introspect").header("Authorization",
				basic(client)), Map.of("token", tokens.path("access_token").asString())))
			.path("active").asBoolean()).isFalse();
	}

	/**
	 * An independent client from another ecosystem: Debian's python3-authlib, knowing only the issuer, completes
	 * code + PKCE through the login page, verifies the ID token, refreshes and introspects.
	 */
	@Test
	void authlibCompletesCodeWithPkceRefreshAndIntrospection() throws Exception {
		long userId = user("Python User", true);
		CreatedOidcClient client = client(false, true, "openid", "profile", "email");
		java.nio.file.Path script = java.nio.file.Files.createTempFile("authlib_client", ".py");
		try (java.io.InputStream in = getClass().getResourceAsStream("authlib_client.py")) {
			java.nio.file.Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		Process python = new ProcessBuilder("/usr/bin/python3", script.toString(), base, client.client().clientId(),
				client.clientSecret(), REDIRECT, email(userId), PASSWORD).redirectErrorStream(true).start();
		assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(python.exitValue()).as(output).isZero();
		assertThat(output).contains("ok discovery", "ok logged in and authorized",
				"ok id token " + userId + " " + email(userId), "ok userinfo", "ok refreshed", "ok introspected");
	}
}
