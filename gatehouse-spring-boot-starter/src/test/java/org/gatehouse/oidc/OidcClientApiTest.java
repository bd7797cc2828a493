package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.oidc.AdminJsonClient.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditQuery;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin API for OpenID Connect clients over real HTTP, on the provider's shared server: creation answers 201
 * with the secret that no later answer shows, bad input a 400 problem with nothing stored, unknown clients 404,
 * non-admins 403; registering and skipping consent need a recent password; every change is in the audit log.
 */
class OidcClientApiTest {

	static final String PASSWORD = "correct horse battery staple 42";
	static final String CLIENTS = "/api/admin/oidc/clients";

	static GatehouseInstance server;

	@BeforeAll
	static void start() {
		server = OidcProviderServer.shared();
	}

	static long user(boolean admin) {
		String email = "oidc-api-" + UUID.randomUUID() + "@example.org";
		long id = server.bean(UserStore.class).create(email, null, server.bean(PasswordService.class).hashNew(PASSWORD),
				true);
		if (admin) {
			server.bean(UserStore.class).addRole(id, "admin");
		}
		return id;
	}

	static AdminJsonClient loggedIn(long userId) {
		return AdminJsonClient.login(server.baseUrl(), server.bean(UserStore.class).findById(userId).orElseThrow().email(),
				PASSWORD);
	}

	static AdminJsonClient admin() {
		return loggedIn(user(true)).reauthenticate(PASSWORD);
	}

	static String body(Map<String, ?> fields) {
		return AdminJsonClient.JSON.writeValueAsString(fields);
	}

	static String newClient(String name) {
		return body(Map.of("name", name, "redirect_uris", List.of("https://rp.example.org/callback"), "scopes",
				List.of("openid", "email"), "backchannel_logout_uri", "https://rp.example.org/backchannel"));
	}

	static long clientCount() {
		return server.bean(JdbcClient.class).sql("select count(*) from oauth2_registered_client").query(Long.class)
			.single();
	}

	static List<String> audit(long actor) {
		return server.bean(AuditLog.class).search(AuditQuery.all(), 200).stream()
			.filter(e -> Long.valueOf(actor).equals(e.actorUserId()))
			.map(e -> e.eventType() + " " + e.details()).toList();
	}

	/** Registers a client through the API; its client id. */
	static String created(AdminJsonClient admin, String name) {
		HttpResponse<String> created = admin.send("POST", CLIENTS, newClient(name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).path("client").path("client_id").asString();
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception", "at org.");
	}

	@Test
	void aNewClientIsAnswered201WithItsSecretWhichNoLaterAnswerShows() {
		long adminId = user(true);
		AdminJsonClient admin = loggedIn(adminId).reauthenticate(PASSWORD);
		String name = "Catalogue " + UUID.randomUUID();

		HttpResponse<String> created = admin.send("POST", CLIENTS, newClient(name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode answer = json(created);
		String secret = answer.path("client_secret").asString();
		String clientId = answer.path("client").path("client_id").asString();
		assertThat(secret).hasSizeGreaterThan(30);
		assertThat(answer.path("client").path("name").asString()).isEqualTo(name);
		assertThat(answer.path("client").path("public_client").asBoolean()).isFalse();
		assertThat(answer.path("client").path("scopes").toString()).isEqualTo("[\"email\",\"openid\"]");
		assertThat(answer.path("client").path("backchannel_logout_uri").asString())
			.isEqualTo("https://rp.example.org/backchannel");

		HttpResponse<String> list = admin.send("GET", CLIENTS, null);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(clientId).doesNotContain(secret).doesNotContain("client_secret");
		HttpResponse<String> one = admin.send("GET", CLIENTS + "/" + clientId, null);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(json(one).path("redirect_uris").toString()).isEqualTo("[\"https://rp.example.org/callback\"]");
		assertThat(one.body()).doesNotContain(secret);
		String stored = server.bean(JdbcClient.class)
			.sql("select client_secret from oauth2_registered_client where client_id = ?").param(clientId)
			.query(String.class).single();
		assertThat(stored).doesNotContain(secret);
		assertThat(audit(adminId)).contains("OIDC_CLIENT_CREATED " + name);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"redirect_uris\": [\"https://rp.example.org/cb\"]}", // no name
			"{\"name\": \"   \", \"redirect_uris\": [\"https://rp.example.org/cb\"]}",
			"{\"name\": \"bad\"}", // no redirect URI
			"{\"name\": \"bad\", \"redirect_uris\": [\"ftp://rp.example.org/cb\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"/relative/cb\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb#fragment\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp example.org/cb\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb\"], \"scopes\": [\"openid\", \"admin\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb\"], \"backchannel_logout_uri\": \"javascript:alert(1)\"}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb?a=1,2\"]}", // stored comma-joined
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb?q=LONG\"]}", // over 1,000 characters
			"{\"name\": \"bad\", \"redirect_uris\": \"https://rp.example.org/cb\"}", // a string, not a list
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb\"], \"public_client\": \"maybe\"}",
			"{\"name\": [\"bad\"], \"redirect_uris\": [\"https://rp.example.org/cb\"]}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb\"], \"scopes\": {\"a\": 1}}",
			"{\"name\": \"bad\", \"redirect_uris\": [\"https://rp.example.org/cb\"]", // cut off
			"[]", "null", "" })
	void badInputIsA400ProblemAndStoresNothing(String body) {
		AdminJsonClient admin = admin();
		long before = clientCount();
		assertProblem(admin.send("POST", CLIENTS, body.replace("LONG", "x".repeat(1000))), 400);
		assertThat(clientCount()).isEqualTo(before);
	}

	@Test
	void theProblemSaysWhatIsWrongInTheRequestsLanguage() {
		AdminJsonClient admin = admin();
		String unknownScope = body(Map.of("name", "bad", "redirect_uris", List.of("https://rp.example.org/cb"),
				"scopes", List.of("openid", "admin")));
		HttpResponse<String> english = admin.send("POST", CLIENTS, unknownScope);
		assertProblem(english, 400);
		assertThat(json(english).path("detail").asString()).startsWith("Unknown scope admin; known: ");
		HttpResponse<String> fragment = admin.send("POST", CLIENTS + "?lang=de", body(Map.of("name", "bad",
				"redirect_uris", List.of("https://rp.example.org/cb#f"))));
		assertProblem(fragment, 400);
		assertThat(json(fragment).path("detail").asString())
			.isEqualTo("Keine absolute http(s)-Weiterleitungs-URI ohne Fragment: https://rp.example.org/cb#f");
	}

	@Test
	void hugeBodiesAreRefusedBeforeTheyAreRead() {
		AdminJsonClient admin = admin();
		long before = clientCount();
		String huge = body(Map.of("name", "x".repeat(2 * 1024 * 1024), "redirect_uris",
				List.of("https://rp.example.org/cb")));
		assertProblem(admin.send("POST", CLIENTS, huge), 413);
		String longName = body(Map.of("name", "x".repeat(100_000), "redirect_uris",
				List.of("https://rp.example.org/cb")));
		assertProblem(admin.send("POST", CLIENTS, longName), 400);
		assertThat(clientCount()).isEqualTo(before);
	}

	@Test
	void anUnknownClientIs404() {
		AdminJsonClient admin = admin();
		assertProblem(admin.send("GET", CLIENTS + "/no-such-client", null), 404);
		assertProblem(admin.send("DELETE", CLIENTS + "/no-such-client", null), 404);
		assertProblem(admin.send("PATCH", CLIENTS + "/no-such-client", "{\"skip_consent\": true}"), 404);
	}

	@Test
	void usersWithoutTheAdminRoleAre403() {
		AdminJsonClient user = loggedIn(user(false));
		long before = clientCount();
		assertProblem(user.send("GET", CLIENTS, null), 403);
		assertProblem(user.send("POST", CLIENTS, newClient("not by a user " + UUID.randomUUID())), 403);
		assertThat(clientCount()).isEqualTo(before);
	}

	@Test
	void registeringAndSkippingConsentNeedARecentPassword() {
		long adminId = user(true);
		AdminJsonClient admin = loggedIn(adminId);
		long before = clientCount();
		HttpResponse<String> refused = admin.send("POST", CLIENTS, newClient("stale " + UUID.randomUUID()));
		assertProblem(refused, 403);
		assertThat(json(refused).path("detail").asString()).contains("password");
		assertThat(clientCount()).isEqualTo(before);

		String name = "fresh " + UUID.randomUUID();
		CreatedOidcClient existing = server.bean(OidcClients.class).create(new NewOidcClient(name,
				List.of("https://rp.example.org/cb"), List.of(), true, List.of(), false, null), null);
		assertProblem(admin.send("PATCH", CLIENTS + "/" + existing.client().clientId(), "{\"skip_consent\": true}"),
				403);
		assertThat(server.bean(OidcClients.class).find(name).orElseThrow().skipConsent()).isFalse();
	}

	@Test
	void skippingConsentIsChangedSeenAndAudited() {
		long adminId = user(true);
		AdminJsonClient admin = loggedIn(adminId).reauthenticate(PASSWORD);
		String name = "consent " + UUID.randomUUID();
		String clientId = created(admin, name);

		HttpResponse<String> changed = admin.send("PATCH", CLIENTS + "/" + clientId, "{\"skip_consent\": true}");
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(json(changed).path("skip_consent").asBoolean()).isTrue();
		assertThat(changed.body()).doesNotContain("client_secret");
		assertThat(server.bean(OidcClients.class).find(clientId).orElseThrow().skipConsent()).isTrue();
		assertThat(json(admin.send("GET", CLIENTS + "/" + clientId, null)).path("skip_consent").asBoolean()).isTrue();
		assertProblem(admin.send("PATCH", CLIENTS + "/" + clientId, "{}"), 400);
		assertProblem(admin.send("PATCH", CLIENTS + "/" + clientId, "{\"skip_consent\": \"often\"}"), 400);
		assertThat(audit(adminId)).contains("OIDC_CLIENT_UPDATED " + name + ": skip-consent=true");
	}

	@Test
	void aDeletedClientIsGoneAndAudited() {
		long adminId = user(true);
		AdminJsonClient admin = loggedIn(adminId).reauthenticate(PASSWORD);
		String name = "deleted " + UUID.randomUUID();
		String clientId = created(admin, name);
		HttpResponse<String> deleted = admin.send("DELETE", CLIENTS + "/" + clientId, null);
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
		assertProblem(admin.send("GET", CLIENTS + "/" + clientId, null), 404);
		assertProblem(admin.send("DELETE", CLIENTS + "/" + clientId, null), 404);
		assertThat(audit(adminId)).contains("OIDC_CLIENT_DELETED " + name);
	}
}
