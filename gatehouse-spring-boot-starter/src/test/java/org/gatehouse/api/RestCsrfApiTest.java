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
	void users(org.gatehouse.account.UserStore store, org.gatehouse.account.PasswordService passwords) {
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
		assertThat(setCookie).contains("SameSite=Lax", "Path=/").doesNotContain("HttpOnly");
		ApiClient.Response created = client.post("/api/tokens", NEW_TOKEN);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
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
