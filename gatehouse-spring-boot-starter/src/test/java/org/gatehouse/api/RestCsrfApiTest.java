package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GatehouseServerTest
class RestCsrfApiTest {

	static final Map<String, Object> NEW_TOKEN = Map.of("password", ApiTestUsers.PASSWORD, "name", "ci", "scopes", java.util.List.of("user:read"));

	@LocalServerPort
	int port;

	ApiTestUsers users;

	@Autowired
	void users(org.gatehouse.account.UserStore store, org.gatehouse.password.PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	@Test
	void loginSetsAReadableSameSiteCookieAndUnsafeRequestsWithTheHeaderPass() {
		String email = ApiTestUsers.uniqueEmail();
		users.create(email);
		ApiClient client = new ApiClient(port);
		ApiClient.Response login = client.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		String setCookie = login.raw().headers().allValues("Set-Cookie").stream()
			.filter(c -> c.startsWith("csrftoken=")).reduce((first, last) -> last).orElseThrow();
		assertThat(setCookie).contains("SameSite=Strict", "Path=/").doesNotContain("HttpOnly");
		ApiClient.Response created = client.post("/api/tokens", NEW_TOKEN);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/** Development on plain http keeps the configured names: a "__Host-" cookie needs Secure, hence HTTPS. */
	@Test
	void developmentCookiesKeepTheirPlainNamesOnHttp() {
		String email = ApiTestUsers.uniqueEmail();
		users.create(email);
		ApiClient.Response login = new ApiClient(port).post("/api/login",
				Map.of("email", email, "password", ApiTestUsers.PASSWORD, "remember", true));
		java.util.List<String> cookies = login.raw().headers().allValues("Set-Cookie");
		assertThat(cookies).anyMatch(c -> c.startsWith("gatehouse_session=")).anyMatch(
				c -> c.startsWith("gatehouse_remember=")).anyMatch(c -> c.startsWith("csrftoken="));
		assertThat(cookies).allMatch(c -> c.contains("Path=/") && c.contains("SameSite=") && !c.contains("Secure"));
	}

	@Test
	void missingHeaderIsRefused() {
		ApiClient client = users.loggedIn(port, ApiTestUsers.uniqueEmail()).withoutCsrfHeader();
		ApiClient.Response refused = client.post("/api/tokens", NEW_TOKEN);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.detail()).isEqualTo("CSRF token missing");
	}

	@Test
	void headerThatDiffersFromTheCookieIsRefused() {
		ApiClient client = users.loggedIn(port, ApiTestUsers.uniqueEmail()).withoutCsrfHeader();
		ApiClient.Response refused = client.post("/api/tokens", NEW_TOKEN, "X-CSRFToken", "forged.value");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.detail()).isEqualTo("CSRF token mismatch");
	}

	@Test
	void tokenOfAnotherSessionIsRefusedEvenWhenCookieAndHeaderAgree() {
		ApiClient attacker = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient victim = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		String attackerToken = attacker.cookie("csrftoken").orElseThrow();
		// e.g. planted from a sibling subdomain: cookie and header both carry the attacker's token
		victim.setCookie("csrftoken", attackerToken);
		ApiClient.Response refused = victim.post("/api/tokens", NEW_TOKEN);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.detail()).isEqualTo("CSRF token mismatch");
	}

	/**
	 * Anyone can get a token bound to "no session" (GET /api/csrf without cookies). A request that only the
	 * remember-me cookie logs in had no session when its token was checked; the token must not carry it.
	 */
	@Test
	void aTokenIssuedToNoSessionIsRefusedOnARememberMeLoginWhichIssuesANewOne() {
		String email = ApiTestUsers.uniqueEmail();
		users.create(email);
		ApiClient laptop = new ApiClient(port);
		assertThat(laptop.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD, "remember", true))
			.status()).isEqualTo(200);
		ApiClient phone = new ApiClient(port);
		assertThat(phone.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		String noSessionToken = new ApiClient(port).get("/api/csrf").json().path("token").asString();
		ApiClient restarted = new ApiClient(port);
		restarted.setCookie("gatehouse_remember", laptop.cookie("gatehouse_remember").orElseThrow());
		restarted.setCookie("csrftoken", noSessionToken);

		ApiClient.Response refused = restarted.delete("/api/sessions");
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.detail()).isEqualTo("CSRF token mismatch");
		assertThat(phone.get("/api/me").status()).as("the other session, untouched").isEqualTo(200);

		assertThat(restarted.cookie("csrftoken").orElseThrow()).as("a token for the new session")
			.isNotEqualTo(noSessionToken);
		ApiClient.Response retried = restarted.delete("/api/sessions");
		assertThat(retried.status()).as(retried.body()).isEqualTo(200);
		assertThat(phone.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void crossSiteFetchIsRefused() {
		ApiClient client = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient.Response refused = client.post("/api/tokens", NEW_TOKEN, "Sec-Fetch-Site", "cross-site",
				"Origin", "https://evil.example");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.detail()).isEqualTo("cross-site request");
	}

	@Test
	void sameOriginFetchPasses() {
		ApiClient client = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		ApiClient.Response created = client.post("/api/tokens", NEW_TOKEN, "Sec-Fetch-Site", "same-origin");
		assertThat(created.status()).isEqualTo(201);
	}

	@Test
	void csrfEndpointHandsOutTheCookieValue() {
		ApiClient client = new ApiClient(port);
		ApiClient.Response csrf = client.get("/api/csrf");
		assertThat(csrf.status()).isEqualTo(200);
		assertThat(csrf.json().path("token").asString()).isEqualTo(client.cookie("csrftoken").orElseThrow());
		// with a cookie in the jar, even anonymous unsafe requests need the header
		ApiClient.Response refused = client.withoutCsrfHeader().post("/api/forgot-password",
				Map.of("email", ApiTestUsers.uniqueEmail()));
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void logoutNeedsTheTokenAndRenewsNothingForAnAttacker() {
		ApiClient client = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		assertThat(client.withoutCsrfHeader().post("/api/logout", "").status()).isEqualTo(403);
		assertThat(client.get("/api/me").status()).isEqualTo(200);
	}

	@Test
	void requestsWithoutCookiesNeedNoToken() {
		ApiClient curl = new ApiClient(port);
		assertThat(curl.post("/api/forgot-password", Map.of("email", ApiTestUsers.uniqueEmail())).status())
			.isEqualTo(200);
	}
}
