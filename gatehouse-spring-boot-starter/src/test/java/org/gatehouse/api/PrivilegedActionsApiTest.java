package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every JSON action that grants or takes privilege needs a recent password: refused (403
 * problem, nothing changed) from a cookie session without it, done with it. Re-authentication
 * rotates the session id. Creating a personal access token needs the password too, also with a
 * Bearer token (issue 23, items 10 and 18).
 */
@GatehouseServerTest
class PrivilegedActionsApiTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	ApiTestUsers users;

	@Autowired
	void users(UserStore store, PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	private ApiClient admin() {
		return users.admin(port);
	}

	private static void reauthenticate(ApiClient admin) {
		ApiClient.Response reauth = admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD));
		assertThat(reauth.status()).as(reauth.body()).isEqualTo(200);
	}

	private static void assertRefused(ApiClient.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.detail()).contains("password");
	}

	/** The action is refused without re-authentication and leaves no trace, then succeeds with it. */
	private void refusedThenAllowed(Function<ApiClient, ApiClient.Response> action, Runnable unchanged,
			Runnable changed) {
		ApiClient admin = admin();
		assertRefused(action.apply(admin));
		unchanged.run();
		reauthenticate(admin);
		ApiClient.Response done = action.apply(admin);
		assertThat(done.status()).as(done.body()).isBetween(200, 204);
		changed.run();
	}

	private boolean active(long id) {
		return store.findById(id).orElseThrow().active();
	}

	private boolean hasRole(long id, String role) {
		return store.findById(id).orElseThrow().hasRole(role);
	}

	@Test
	void addingARole() {
		long user = users.create(ApiTestUsers.uniqueEmail());
		refusedThenAllowed(a -> a.post("/api/admin/users/" + user + "/roles", Map.of("role", "admin")),
				() -> assertThat(hasRole(user, "admin")).isFalse(), () -> assertThat(hasRole(user, "admin")).isTrue());
	}

	@Test
	void unbanning() {
		long user = users.create(ApiTestUsers.uniqueEmail());
		store.setActive(user, false);
		refusedThenAllowed(a -> a.post("/api/admin/users/" + user + "/unban", ""),
				() -> assertThat(active(user)).isFalse(), () -> assertThat(active(user)).isTrue());
	}

	@Test
	void banningRemovingARoleRevokingSessionsAndUnlocking() {
		long banned = users.create(ApiTestUsers.uniqueEmail());
		refusedThenAllowed(a -> a.post("/api/admin/users/" + banned + "/ban", ""),
				() -> assertThat(active(banned)).isTrue(), () -> assertThat(active(banned)).isFalse());
		long reviewer = users.create(ApiTestUsers.uniqueEmail());
		store.addRole(reviewer, "reviewer");
		refusedThenAllowed(a -> a.delete("/api/admin/users/" + reviewer + "/roles/reviewer"),
				() -> assertThat(hasRole(reviewer, "reviewer")).isTrue(),
				() -> assertThat(hasRole(reviewer, "reviewer")).isFalse());
		String email = ApiTestUsers.uniqueEmail();
		ApiClient victim = users.loggedIn(port, email);
		long victimId = store.findByLogin(email).orElseThrow().id();
		refusedThenAllowed(a -> a.delete("/api/admin/users/" + victimId + "/sessions"),
				() -> assertThat(victim.get("/api/me").status()).isEqualTo(200),
				() -> assertThat(victim.get("/api/me").status()).isEqualTo(401));
		refusedThenAllowed(a -> a.post("/api/admin/users/" + victimId + "/unlock", ""), () -> {
		}, () -> {
		});
	}

	@Test
	void reauthenticationRotatesTheSessionIdAndTheCsrfToken() {
		ApiClient admin = admin();
		String before = admin.cookie("gatehouse_session").orElseThrow();
		String csrfBefore = admin.cookie("csrftoken").orElseThrow();
		reauthenticate(admin);
		String after = admin.cookie("gatehouse_session").orElseThrow();
		assertThat(after).isNotEqualTo(before);
		assertThat(admin.cookie("csrftoken").orElseThrow()).isNotEqualTo(csrfBefore);
		// the new id carries the login and the re-authentication; the old one is worth nothing
		assertThat(admin.get("/api/me").status()).isEqualTo(200);
		long user = users.create(ApiTestUsers.uniqueEmail());
		assertThat(admin.post("/api/admin/users/" + user + "/roles", Map.of("role", "editor")).status()).isEqualTo(200);
		ApiClient old = new ApiClient(port);
		old.setCookie("gatehouse_session", before);
		assertThat(old.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void creatingATokenNeedsThePasswordFromASession() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient owner = users.loggedIn(port, email);
		long ownerId = store.findByLogin(email).orElseThrow().id();
		String session = owner.cookie("gatehouse_session").orElseThrow();

		assertRefused(owner.post("/api/tokens", Map.of("name", "cli", "scopes", List.of("user:read"))));
		ApiClient.Response wrong = owner.post("/api/tokens",
				Map.of("name", "cli", "scopes", List.of("user:read"), "password", "not-the-password-1"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().path("errors").findValuesAsString("field")).containsExactly("password");
		assertThat(store.findById(ownerId)).isPresent();
		assertThat(owner.get("/api/tokens").json().size()).isZero();

		ApiClient.Response created = owner.post("/api/tokens",
				Map.of("name", "cli", "scopes", List.of("user:read"), "password", ApiTestUsers.PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		// the password raised the session's privilege: new id, and the CSRF cookie follows it
		assertThat(owner.cookie("gatehouse_session").orElseThrow()).isNotEqualTo(session);
		assertThat(owner.post("/api/tokens", Map.of("name", "second", "scopes", List.of("user:read"))).status())
			.as("within the re-authentication window").isEqualTo(201);
	}

	@Test
	void aTokenMintsTokensOnlyWithThePassword() {
		ApiClient owner = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		String bearer = "Bearer " + owner.post("/api/tokens", Map.of("name", "w", "scopes",
				List.of("user:read", "user:write"), "password", ApiTestUsers.PASSWORD)).json().path("token").asString();
		ApiClient script = new ApiClient(port);
		assertRefused(script.post("/api/tokens", Map.of("name", "more", "scopes", List.of("user:read")),
				"Authorization", bearer));
		ApiClient.Response withPassword = script.post("/api/tokens", Map.of("name", "more", "scopes",
				List.of("user:read"), "password", ApiTestUsers.PASSWORD), "Authorization", bearer);
		assertThat(withPassword.status()).as(withPassword.body()).isEqualTo(201);
		assertThat(script.cookie("gatehouse_session")).as("a Bearer request stays stateless").isEmpty();
		// the password in one request is not remembered for the next
		assertRefused(script.post("/api/tokens", Map.of("name", "again", "scopes", List.of("user:read")),
				"Authorization", bearer));
	}

	@Test
	void anAdminScopedTokenNeedsARecentPasswordAndActsAsTheCredential() {
		ApiClient admin = admin();
		assertRefused(admin.post("/api/tokens", Map.of("name", "ops", "scopes", List.of("admin"))));
		assertThat(admin.get("/api/tokens").json().size()).isZero();
		reauthenticate(admin);
		ApiClient.Response token = admin.post("/api/tokens", Map.of("name", "ops", "scopes", List.of("admin")));
		assertThat(token.status()).as(token.body()).isEqualTo(201);
		long user = users.create(ApiTestUsers.uniqueEmail());
		ApiClient.Response added = new ApiClient(port).post("/api/admin/users/" + user + "/roles",
				Map.of("role", "editor"), "Authorization", "Bearer " + token.json().path("token").asString());
		assertThat(added.status()).as(added.body()).isEqualTo(200);
	}
}
