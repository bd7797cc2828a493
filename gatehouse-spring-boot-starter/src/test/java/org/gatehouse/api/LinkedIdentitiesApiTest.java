package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.gatehouse.token.ApiTokenStore;
import org.gatehouse.token.PersonalAccessTokens;
import org.gatehouse.token.TokenScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Linked identities over real HTTP, with external sign-in configured (two providers, never contacted: identities are
 * rows as a sign-in or the Invenio migration writes them): the user's own list and unlink with the Accounts page's
 * rule, an administrator's (also the last way to sign in), token scopes, CSRF, audit, and the provider tokens going
 * with the link.
 */
@GatehouseServerTest
@TestPropertySource(properties = { "gatehouse.login.providers.orcid.client-id=APP-TEST",
		"gatehouse.login.providers.idp.issuer-uri=http://127.0.0.1:9/realms/staff",
		"gatehouse.login.providers.idp.client-id=gatehouse", "gatehouse.login.providers.idp.display-name=University" })
class LinkedIdentitiesApiTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	UserStore userStore;

	@Autowired
	PasswordService passwords;

	@Autowired
	ApiTokenStore tokenStore;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	private ApiTestUsers users() {
		return new ApiTestUsers(userStore, passwords);
	}

	/** An identity row with a stored token, as a sign-in with store-tokens leaves it; returns the identity's id. */
	private long link(long userId, String provider) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		String subject = provider + "-" + UUID.randomUUID();
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at, last_used_at) "
				+ "values (?, ?, ?, ?, ?, ?)").params(userId, provider, subject, "at-" + provider + "@example.org", now, now)
			.update();
		long id = jdbc.sql("select id from gh_external_identity where provider = ? and subject = ?")
			.params(provider, subject).query(Long.class).single();
		jdbc.sql("insert into gh_external_token (identity_id, access_token, refresh_token, expires_at, scopes, updated_at) "
				+ "values (?, ?, null, null, ?, ?)").params(id, "encrypted-elsewhere", "openid", now).update();
		return id;
	}

	private int rows(String table, String column, long id) {
		return jdbc.sql("select count(*) from " + table + " where " + column + " = ?").param(id).query(Integer.class)
			.single();
	}

	private List<String> audit(long userId) {
		return auditLog.aboutUser(userId, null, 20).stream()
			.map(e -> e.eventType() + " " + e.details() + " actor=" + e.actorUserId()).toList();
	}

	private String token(long userId, TokenScope... scopes) {
		String secret = PersonalAccessTokens.TOKEN_PREFIX + UUID.randomUUID().toString().replace("-", "");
		tokenStore.create(userId, "test", PersonalAccessTokens.hash(secret), secret.substring(0, 12), Set.of(scopes),
				Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
		return "Bearer " + secret;
	}

	private static List<String> providers(JsonNode list) {
		List<String> providers = new java.util.ArrayList<>();
		list.forEach(identity -> providers.add(identity.path("provider").asString()));
		return providers;
	}

	private long id(String email) {
		return userStore.findByEmail(email).orElseThrow().id();
	}

	@Test
	void aUserSeesTheirIdentitiesAndUnlinksOneWithItsTokens() {
		String email = ApiTestUsers.uniqueEmail();
		ApiClient user = users().loggedIn(port, email);
		long userId = id(email);
		long orcid = link(userId, "orcid");
		link(userId, "idp");

		ApiClient.Response list = user.get("/api/me/identities");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(2);
		JsonNode first = list.json().get(0);
		assertThat(first.path("provider").asString()).isEqualTo("idp");
		assertThat(first.path("provider_name").asString()).isEqualTo("University");
		assertThat(list.json().get(1).path("provider_name").asString()).isEqualTo("ORCID");
		assertThat(first.path("email").asString()).isEqualTo("at-idp@example.org");
		assertThat(first.has("linked_at")).isTrue();
		assertThat(first.has("last_used_at")).isTrue();
		assertThat(first.has("subject")).as("the provider's key stays out of the user's view").isFalse();

		assertThat(user.withoutCsrfHeader().delete("/api/me/identities/orcid").status()).isEqualTo(403);
		assertThat(rows("gh_external_identity", "id", orcid)).isEqualTo(1);

		ApiClient browser = users().loggedIn(port, ApiTestUsers.uniqueEmail()); // another user: not theirs to unlink
		assertThat(browser.delete("/api/me/identities/orcid").status()).isEqualTo(404);

		ApiClient again = new ApiClient(port);
		assertThat(again.post("/api/login", Map.of("email", email, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		ApiClient.Response unlinked = again.delete("/api/me/identities/orcid");
		assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(204);
		assertThat(rows("gh_external_identity", "id", orcid)).isZero();
		assertThat(rows("gh_external_token", "identity_id", orcid)).as("the stored tokens go with the link").isZero();
		assertThat(audit(userId)).contains("EXTERNAL_IDENTITY_UNLINKED orcid actor=" + userId);
		assertThat(providers(again.get("/api/me/identities").json())).containsExactly("idp");

		ApiClient.Response gone = again.delete("/api/me/identities/orcid");
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
		assertThat(gone.detail()).isEqualTo("No identity of this provider is linked to the account.");
	}

	@Test
	void theLastWayToSignInIsRefusedAndTokensNeedTheirScopes() {
		long userId = userStore.create(ApiTestUsers.uniqueEmail(), null, null, true); // signed up by a provider
		long orcid = link(userId, "orcid");
		String read = token(userId, TokenScope.USER_READ);
		String write = token(userId, TokenScope.USER_WRITE);
		String both = token(userId, TokenScope.USER_READ, TokenScope.USER_WRITE);
		ApiClient script = new ApiClient(port);

		assertThat(script.get("/api/me/identities", "Authorization", read).status()).isEqualTo(200);
		assertThat(script.get("/api/me/identities", "Authorization", write).status()).isEqualTo(403);
		assertThat(script.delete("/api/me/identities/orcid", "Authorization", read).status()).isEqualTo(403);

		ApiClient.Response refused = script.delete("/api/me/identities/orcid", "Authorization", both);
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.detail()).isEqualTo(
				"This is the account’s only way to sign in: set a password or link another account first.");
		assertThat(rows("gh_external_identity", "id", orcid)).isEqualTo(1);
		assertThat(audit(userId)).isEmpty();

		link(userId, "idp");
		assertThat(script.delete("/api/me/identities/orcid", "Authorization", write).status()).isEqualTo(204);
		assertThat(providers(script.get("/api/me/identities", "Authorization", read).json())).containsExactly("idp");
	}

	@Test
	void withoutASignInThereIsNothing() {
		ApiClient anonymous = new ApiClient(port);
		ApiClient.Response list = anonymous.get("/api/me/identities");
		assertThat(list.status()).isEqualTo(401);
		assertThat(list.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.get("/api/me/identities", "Authorization", "Bearer gat_nonsense").status()).isEqualTo(401);
		assertThat(anonymous.get("/api/admin/users/1/identities").status()).isEqualTo(401);
	}

	@Test
	void anAdministratorListsAndUnlinksEvenTheLastWayToSignInWithARecentPassword() {
		long userId = userStore.create(ApiTestUsers.uniqueEmail(), null, null, true);
		long orcid = link(userId, "orcid");
		ApiClient admin = users().admin(port);
		String path = "/api/admin/users/" + userId + "/identities";

		ApiClient.Response list = admin.get(path);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		assertThat(list.json().get(0).path("provider").asString()).isEqualTo("orcid");
		assertThat(list.json().get(0).path("subject").asString()).startsWith("orcid-");

		ApiClient.Response notRecent = admin.delete(path + "/orcid");
		assertThat(notRecent.status()).isEqualTo(403);
		assertThat(rows("gh_external_identity", "id", orcid)).isEqualTo(1);

		assertThat(admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		assertThat(admin.delete("/api/admin/users/" + userId + "/identities/github").status()).isEqualTo(404);
		assertThat(admin.delete("/api/admin/users/999999999/identities/orcid").status()).isEqualTo(404);
		ApiClient.Response unlinked = admin.delete(path + "/orcid");
		assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(204);
		assertThat(rows("gh_external_identity", "id", orcid)).isZero();
		assertThat(rows("gh_external_token", "identity_id", orcid)).isZero();
		long adminId = jdbc.sql("select actor_user_id from gh_audit_log where subject_user_id = ? "
				+ "and event_type = 'EXTERNAL_IDENTITY_UNLINKED'").param(userId).query(Long.class).single();
		assertThat(adminId).isNotEqualTo(userId);
		assertThat(userStore.findById(adminId).orElseThrow().roles()).contains("admin");

		String user = ApiTestUsers.uniqueEmail();
		ApiClient notAdmin = users().loggedIn(port, user);
		assertThat(notAdmin.get(path).status()).isEqualTo(403);
	}

	@Test
	void anAdminTokenUnlinksWithoutAPasswordAndOtherScopesCannot() {
		long userId = userStore.create(ApiTestUsers.uniqueEmail(), null, null, true);
		long orcid = link(userId, "orcid");
		long adminId = userStore.create(ApiTestUsers.uniqueEmail(), null, passwords.hashNew(ApiTestUsers.PASSWORD), true);
		userStore.addRole(adminId, "admin");
		ApiClient script = new ApiClient(port);
		String path = "/api/admin/users/" + userId + "/identities/orcid";

		assertThat(script.delete(path, "Authorization", token(adminId, TokenScope.USER_WRITE)).status()).isEqualTo(403);
		assertThat(script.delete(path, "Authorization", token(adminId, TokenScope.ADMIN)).status()).isEqualTo(204);
		assertThat(rows("gh_external_identity", "id", orcid)).isZero();
		assertThat(audit(userId)).containsExactly("EXTERNAL_IDENTITY_UNLINKED orcid actor=" + adminId);
	}

	@Test
	void theAdminUserPageUnlinksWithItsButton() {
		long userId = userStore.create(ApiTestUsers.uniqueEmail(), null, null, true);
		long orcid = link(userId, "orcid");
		ApiClient admin = users().admin(port);
		assertThat(admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		String page = admin.get("/admin/users/" + userId).body();
		assertThat(page).contains("id=\"admin-unlink-orcid\"");
		Matcher csrf = CSRF.matcher(page.substring(page.indexOf("/identities/orcid/unlink")));
		assertThat(csrf.find()).isTrue();

		ApiClient.Response posted = admin.send(admin.request("/admin/users/" + userId + "/identities/orcid/unlink")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
		assertThat(posted.status()).isEqualTo(302);
		assertThat(posted.raw().headers().firstValue("Location").orElseThrow()).endsWith("/admin/users/" + userId);
		assertThat(rows("gh_external_identity", "id", orcid)).isZero();
		String after = admin.get("/admin/users/" + userId).body();
		assertThat(after).contains("The ORCID identity of " + userStore.findById(userId).orElseThrow().email()
				+ " was unlinked").doesNotContain("admin-unlink-orcid");
	}

	@Test
	void theOpenApiDescriptionListsTheEndpoints() {
		JsonNode paths = new ApiClient(port).get("/api/openapi.json").json().path("paths");
		assertThat(paths.path("/api/me/identities").has("get")).isTrue();
		assertThat(paths.path("/api/me/identities/{provider}").has("delete")).isTrue();
		assertThat(paths.path("/api/admin/users/{id}/identities").has("get")).isTrue();
		assertThat(paths.path("/api/admin/users/{id}/identities/{provider}").has("delete")).isTrue();
	}
}
