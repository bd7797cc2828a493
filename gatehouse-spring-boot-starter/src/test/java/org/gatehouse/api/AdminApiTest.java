package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@GatehouseServerTest
class AdminApiTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore userStore;

	@Autowired
	PasswordService passwords;

	@Autowired
	AuditLog auditLog;

	ApiTestUsers users;

	@Autowired
	void users(UserStore store, PasswordService passwords) {
		this.users = new ApiTestUsers(store, passwords);
	}

	/** A new administrator, logged in with a cookie session. */
	private ApiClient admin() {
		String email = ApiTestUsers.uniqueEmail();
		long id = users.create(email);
		userStore.addRole(id, "admin");
		ApiClient client = new ApiClient(port);
		ApiClient.Response login = client.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return client;
	}

	private static void reauthenticate(ApiClient admin) {
		ApiClient.Response reauth = admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD));
		assertThat(reauth.status()).as(reauth.body()).isEqualTo(200);
		assertThat(reauth.json().path("valid_until").isNull()).isFalse();
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
	}

	private long idOf(String email) {
		return userStore.findByLogin(email).orElseThrow().id();
	}

	@Test
	void anonymousRequestsAre401() {
		ApiClient anonymous = new ApiClient(port);
		assertProblem(anonymous.get("/api/admin/users"), 401);
		assertProblem(anonymous.get("/api/admin/users/1"), 401);
	}

	@Test
	void nonAdminsGet403() {
		ApiClient user = users.loggedIn(port, ApiTestUsers.uniqueEmail());
		assertProblem(user.get("/api/admin/users"), 403);
		assertProblem(user.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD)), 403);
	}

	@Test
	void searchFindsUsersByEmailOrUsernamePrefix() {
		String email = ApiTestUsers.uniqueEmail();
		String username = "adm" + email.substring(3, 11);
		userStore.create(email, username, passwords.hashNew(ApiTestUsers.PASSWORD), true);
		ApiClient admin = admin();

		ApiClient.Response byEmail = admin.get("/api/admin/users?q=" + email.substring(0, 9));
		assertThat(byEmail.status()).as(byEmail.body()).isEqualTo(200);
		assertThat(byEmail.contentType()).startsWith("application/json");
		assertThat(byEmail.json().path("items").findValuesAsString("email")).containsExactly(email);
		assertThat(byEmail.json().path("next_cursor").isNull()).isTrue();

		ApiClient.Response byUsername = admin.get("/api/admin/users?by=username&q=" + username);
		assertThat(byUsername.json().path("items").findValuesAsString("username")).containsExactly(username);

		ApiClient.Response bad = admin.get("/api/admin/users?by=phone&q=x");
		assertProblem(bad, 400);
		assertThat(bad.json().path("errors").findValuesAsString("field")).containsExactly("by");
	}

	/** The list used to read gh_user alone and showed every user with "roles": []. */
	@Test
	void listShowsTheSameRolesAsTheDetail() {
		String email = ApiTestUsers.uniqueEmail();
		long id = users.create(email);
		userStore.addRole(id, "admin");
		ApiClient admin = admin();

		JsonNode listed = admin.get("/api/admin/users?q=" + email).json().path("items");
		assertThat(listed.findValuesAsString("email")).containsExactly(email);
		assertThat(listed.get(0).path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("admin");
		JsonNode detail = admin.get("/api/admin/users/" + id).json();
		assertThat(detail.path("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("admin");

		JsonNode all = admin.get("/api/admin/users").json().path("items");
		for (JsonNode user : all) {
			List<String> roles = user.path("roles").valueStream().map(JsonNode::asString).toList();
			assertThat(roles).as(user.path("email").asString())
				.containsExactlyInAnyOrderElementsOf(userStore.findById(user.path("id").asLong()).orElseThrow().roles());
		}
	}

	@Test
	void searchPagesWithTheNextCursor() {
		ApiClient admin = admin();
		JsonNode first = admin.get("/api/admin/users").json();
		assertThat(first.path("items").size()).isLessThanOrEqualTo(50);
		if (first.path("items").size() == 50) {
			String cursor = first.path("next_cursor").asString();
			JsonNode next = admin.get("/api/admin/users?after=" + cursor).json();
			assertThat(next.path("items").get(0).path("id").asLong())
				.isGreaterThan(first.path("items").get(49).path("id").asLong());
		}
	}

	@Test
	void detailShowsProfileSessionsAndTokensWithoutSecrets() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient victim = users.loggedIn(port, email);
		ApiClient.Response created = victim.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "cli", "scopes", List.of("user:read")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String secret = created.json().path("token").asString();
		ApiClient admin = admin();

		ApiClient.Response response = admin.get("/api/admin/users/" + idOf(email));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode user = response.json();
		assertThat(user.path("email").asString()).isEqualTo(email);
		assertThat(user.path("active").asBoolean()).isTrue();
		assertThat(user.path("confirmed").asBoolean()).isTrue();
		assertThat(user.path("roles").isArray()).isTrue();
		assertThat(user.path("login_count").asInt()).isEqualTo(1);
		assertThat(user.has("current_login_at")).isTrue();
		assertThat(user.has("last_login_ip")).isTrue();
		assertThat(user.path("sessions").size()).isEqualTo(1);
		assertThat(user.path("sessions").get(0).path("id").asString()).isNotEmpty();
		JsonNode token = user.path("tokens").get(0);
		assertThat(token.path("name").asString()).isEqualTo("cli");
		assertThat(token.path("prefix").asString()).isEqualTo(secret.substring(0, 12));
		assertThat(token.path("scopes").get(0).asString()).isEqualTo("user:read");
		assertThat(token.has("expires_at")).isTrue();
		assertThat(token.has("token")).isFalse();
		assertThat(response.body()).doesNotContain(secret).doesNotContain("password");
	}

	@Test
	void banNeedsReauthenticationThenEndsTheUsersSession() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient victim = users.loggedIn(port, email);
		long victimId = idOf(email);
		ApiClient admin = admin();

		ApiClient.Response withoutReauth = admin.post("/api/admin/users/" + victimId + "/ban", "");
		assertProblem(withoutReauth, 403);
		assertThat(withoutReauth.detail()).contains("/api/admin/reauthenticate");
		assertThat(userStore.findById(victimId).orElseThrow().active()).isTrue();

		ApiClient.Response wrong = admin.post("/api/admin/reauthenticate", Map.of("password", "wrong-password-123"));
		assertProblem(wrong, 400);
		assertThat(wrong.json().path("errors").findValuesAsString("field")).containsExactly("password");

		reauthenticate(admin);
		ApiClient.Response ban = admin.post("/api/admin/users/" + victimId + "/ban", "");
		assertThat(ban.status()).as(ban.body()).isEqualTo(200);
		assertThat(ban.json().path("active").asBoolean()).isFalse();
		assertThat(ban.json().path("sessions").size()).isZero();
		assertThat(userStore.findById(victimId).orElseThrow().active()).isFalse();
		assertProblem(victim.get("/api/me"), 401);
		assertThat(auditLog.aboutUser(victimId, null, 50)).extracting(e -> e.eventType()).contains("USER_BANNED");

		ApiClient.Response unban = admin.post("/api/admin/users/" + victimId + "/unban", "");
		assertThat(unban.status()).as(unban.body()).isEqualTo(200);
		assertThat(unban.json().path("active").asBoolean()).isTrue();
		assertThat(auditLog.aboutUser(victimId, null, 50)).extracting(e -> e.eventType()).contains("USER_UNBANNED");
	}

	@Test
	void adminCannotBanThemselves() {
		ApiClient admin = admin();
		reauthenticate(admin);
		long self = admin.get("/api/me").json().path("id").asLong();
		assertProblem(admin.post("/api/admin/users/" + self + "/ban", ""), 400);
	}

	@Test
	void roleChangesAreVisibleInTheDetailAndAudited() {
		String email = ApiTestUsers.uniqueEmail();
		long userId = users.create(email);
		ApiClient admin = admin();
		assertProblem(admin.post("/api/admin/users/" + userId + "/roles", Map.of("role", "reviewer")), 403);
		reauthenticate(admin);

		ApiClient.Response added = admin.post("/api/admin/users/" + userId + "/roles", Map.of("role", " Reviewer "));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(admin.get("/api/admin/users/" + userId).json().path("roles").get(0).asString())
			.isEqualTo("reviewer");

		ApiClient.Response invalid = admin.post("/api/admin/users/" + userId + "/roles", Map.of("role", "Bad Role!"));
		assertProblem(invalid, 400);
		assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactly("role");
		ApiClient.Response missing = admin.post("/api/admin/users/" + userId + "/roles", Map.of());
		assertProblem(missing, 400);
		assertThat(missing.json().path("errors").findValuesAsString("field")).containsExactly("role");

		ApiClient.Response removed = admin.delete("/api/admin/users/" + userId + "/roles/reviewer");
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(admin.get("/api/admin/users/" + userId).json().path("roles").size()).isZero();
		assertProblem(admin.delete("/api/admin/users/" + userId + "/roles/reviewer"), 404);
		assertThat(auditLog.aboutUser(userId, null, 50)).extracting(e -> e.eventType() + ":" + e.details())
			.contains("ROLE_ADDED:reviewer", "ROLE_REMOVED:reviewer");
	}

	@Test
	void sessionsAreRevokedOneOrAllAndAccountsUnlocked() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient first = users.loggedIn(port, email);
		long userId = idOf(email);
		ApiClient second = new ApiClient(port);
		assertThat(second.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		ApiClient admin = admin();
		assertProblem(admin.delete("/api/admin/users/" + userId + "/sessions"), 403);
		reauthenticate(admin);

		JsonNode sessions = admin.get("/api/admin/users/" + userId).json().path("sessions");
		assertThat(sessions.size()).isEqualTo(2);
		ApiClient.Response one = admin.delete("/api/admin/users/" + userId + "/sessions/" + sessions.get(0).path("id").asString());
		assertThat(one.status()).as(one.body()).isEqualTo(204);
		assertProblem(admin.delete("/api/admin/users/" + userId + "/sessions/no-such-session"), 404);
		ApiClient.Response all = admin.delete("/api/admin/users/" + userId + "/sessions");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().path("revoked").asInt()).isEqualTo(1);
		assertProblem(first.get("/api/me"), 401);
		assertProblem(second.get("/api/me"), 401);

		ApiClient.Response unlock = admin.post("/api/admin/users/" + userId + "/unlock", "");
		assertThat(unlock.status()).as(unlock.body()).isEqualTo(200);
		ApiClient.Response resend = admin.post("/api/admin/users/" + userId + "/resend-confirmation", "");
		assertThat(resend.status()).as(resend.body()).isEqualTo(200);
		assertThat(auditLog.aboutUser(userId, null, 50)).extracting(e -> e.eventType())
			.contains("SESSION_REVOKED", "USER_UNLOCKED");
	}

	@Test
	void adminScopedTokenActsWithoutReauthenticationOtherTokensAre403() {
		String email = ApiTestUsers.uniqueEmail();
		long victimId = users.create(email);
		ApiClient admin = admin();
		ApiClient.Response adminToken = admin.post("/api/tokens", Map.of("password", ApiTestUsers.PASSWORD, "name", "ops", "scopes", List.of("admin")));
		assertThat(adminToken.status()).as(adminToken.body()).isEqualTo(201);
		ApiClient.Response userToken = admin.post("/api/tokens",
				Map.of("password", ApiTestUsers.PASSWORD, "name", "me", "scopes", List.of("user:read", "user:write")));
		assertThat(userToken.status()).as(userToken.body()).isEqualTo(201);

		ApiClient script = new ApiClient(port);
		String bearer = "Bearer " + adminToken.json().path("token").asString();
		ApiClient.Response ban = script.post("/api/admin/users/" + victimId + "/ban", "", "Authorization", bearer);
		assertThat(ban.status()).as(ban.body()).isEqualTo(200);
		assertThat(userStore.findById(victimId).orElseThrow().active()).isFalse();
		assertThat(script.get("/api/admin/users/" + victimId, "Authorization", bearer).status()).isEqualTo(200);
		assertProblem(script.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD),
				"Authorization", bearer), 400);

		String userBearer = "Bearer " + userToken.json().path("token").asString();
		assertProblem(script.get("/api/admin/users", "Authorization", userBearer), 403);
		assertProblem(script.post("/api/admin/users/" + victimId + "/unban", "", "Authorization", userBearer), 403);
		assertThat(userStore.findById(victimId).orElseThrow().active()).isFalse();
	}

	@Test
	void unknownUsersAre404Problems() {
		ApiClient admin = admin();
		assertProblem(admin.get("/api/admin/users/999999999"), 404);
		assertProblem(admin.get("/api/admin/users/not-a-number"), 404);
		reauthenticate(admin);
		assertProblem(admin.post("/api/admin/users/999999999/ban", ""), 404);
	}
}
