package org.gatehouse.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.audit.AuditQuery;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The admin area's page for OpenID Connect clients over real HTTP, as a browser without JavaScript uses it, on the
 * provider's shared server: register (after confirming the password) with the secret shown once, which then
 * works at the token endpoint; see, change consent, delete after a confirmation page; all audited; non-admins and
 * forms without the CSRF token are refused.
 */
class OidcClientsPageTest {

	static final String PASSWORD = "correct horse battery staple 42";
	static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");
	static final Pattern CLIENT_ID = Pattern.compile("id=\"client-id\">([^<]+)<");

	static GatehouseInstance server;
	static String base;

	@BeforeAll
	static void start() {
		server = OidcProviderServer.shared();
		base = server.baseUrl();
	}

	static long user(boolean admin) {
		String email = "oidc-page-" + UUID.randomUUID() + "@example.org";
		long id = server.bean(UserStore.class).create(email, null, server.bean(PasswordService.class).hashNew(PASSWORD),
				true);
		if (admin) {
			server.bean(UserStore.class).addRole(id, "admin");
		}
		return id;
	}

	static FormClient loggedIn(long userId) {
		FormClient browser = new FormClient();
		HttpResponse<String> login = browser.login(base,
				server.bean(UserStore.class).findById(userId).orElseThrow().email(), PASSWORD);
		assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
		return browser;
	}

	/** The new-client form asks for the password first and comes back to the form. */
	static FormClient adminAtTheForm(long adminId) {
		FormClient admin = loggedIn(adminId);
		HttpResponse<String> toReauth = admin.get(base + OidcClientsPageController.NEW_CLIENT);
		assertThat(toReauth.statusCode()).isEqualTo(302);
		String reauth = location(toReauth);
		assertThat(reauth).startsWith(base + "/admin/reauth?next=");
		HttpResponse<String> confirmed = admin.submit(reauth, base + "/admin/reauth",
				Map.of("password", PASSWORD, "next", OidcClientsPageController.NEW_CLIENT));
		assertThat(location(confirmed)).isEqualTo(base + OidcClientsPageController.NEW_CLIENT);
		return admin;
	}

	static String location(HttpResponse<String> response) {
		String location = response.headers().firstValue("Location").orElseThrow(
				() -> new AssertionError("No redirect: " + response.statusCode() + " " + response.body()));
		return URI.create(base).resolve(location).toString();
	}

	static String group(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		assertThat(matcher.find()).as(body).isTrue();
		return matcher.group(1);
	}

	static HttpResponse<String> register(FormClient admin, String name, String redirectUris) {
		return admin.submit(base + OidcClientsPageController.NEW_CLIENT, Map.of("name", name, "redirectUris",
				redirectUris, "scopes", "email", "backchannelLogoutUri", "https://rp.example.org/backchannel"));
	}

	static List<String> audit(long actor) {
		return server.bean(AuditLog.class).search(AuditQuery.all(), 200).stream()
			.filter(e -> Long.valueOf(actor).equals(e.actorUserId()))
			.map(e -> e.eventType() + " " + e.details()).toList();
	}

	static int clientCredentialsGrant(String clientId, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
			.header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode();
	}

	@Test
	void aRegisteredClientsSecretIsShownOnceAndWorks() throws Exception {
		long adminId = user(true);
		FormClient admin = adminAtTheForm(adminId);
		HttpResponse<String> form = admin.get(base + OidcClientsPageController.NEW_CLIENT);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Register an application", "for=\"redirectUris\"", "value=\"user:write\"");
		String name = "Catalogue " + UUID.randomUUID();

		HttpResponse<String> created = register(admin, name,
				"https://rp.example.org/callback https://rp.example.org/other");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(created.body()).contains("shown only this once", name, "https://rp.example.org/other",
				"email openid");
		String secret = group(SECRET, created.body());
		String clientId = group(CLIENT_ID, created.body());
		assertThat(clientCredentialsGrant(clientId, secret)).isEqualTo(200);
		assertThat(clientCredentialsGrant(clientId, secret + "x")).isEqualTo(401);

		HttpResponse<String> list = admin.get(base + OidcClientsPageController.CLIENTS);
		assertThat(list.body()).contains(name, clientId, "confidential", "https://rp.example.org/callback",
				"https://rp.example.org/backchannel").doesNotContain(secret);
		HttpResponse<String> details = admin.get(base + OidcClientsPageController.CLIENTS + clientId);
		assertThat(details.statusCode()).isEqualTo(200);
		assertThat(details.body()).contains(name, clientId).doesNotContain(secret, "client-secret");
		assertThat(audit(adminId)).contains("OIDC_CLIENT_CREATED " + name);
	}

	@Test
	void badInputIsShownOnTheFormInTheUsersLanguageAndNothingIsStored() {
		FormClient admin = adminAtTheForm(user(true));
		String name = "Bad " + UUID.randomUUID();
		HttpResponse<String> fragment = register(admin, name, "https://rp.example.org/cb#f");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("error-summary",
				"Not an absolute http(s) redirect URI without a fragment: https://rp.example.org/cb#f")
			.contains("value=\"" + name + "\"");
		HttpResponse<String> german = admin.submit(base + OidcClientsPageController.NEW_CLIENT + "?lang=de",
				Map.of("name", name, "redirectUris", ""));
		assertThat(german.body()).contains("Die Anwendung braucht mindestens eine Weiterleitungs-URI.");
		assertThat(server.bean(OidcClients.class).find(name)).isEmpty();
	}

	@Test
	void consentIsSkippedAndAskedAgainAndTheClientDeletedAfterConfirmation() {
		long adminId = user(true);
		FormClient admin = adminAtTheForm(adminId);
		String name = "Consent " + UUID.randomUUID();
		String clientId = group(CLIENT_ID, register(admin, name, "https://rp.example.org/cb").body());
		String details = base + OidcClientsPageController.CLIENTS + clientId;
		assertThat(admin.get(details).body()).contains("Stop asking users for consent");

		HttpResponse<String> skipped = admin.submit(details, Map.of("skipConsent", "true"));
		assertThat(location(skipped)).isEqualTo(details);
		assertThat(admin.get(details).body()).contains("are no longer asked for consent", "Ask users for consent again");
		assertThat(server.bean(OidcClients.class).find(clientId).orElseThrow().skipConsent()).isTrue();
		admin.submit(details, Map.of("skipConsent", "false"));
		assertThat(server.bean(OidcClients.class).find(clientId).orElseThrow().skipConsent()).isFalse();

		HttpResponse<String> confirmation = admin.get(details + "/delete");
		assertThat(confirmation.statusCode()).isEqualTo(200);
		assertThat(confirmation.body()).contains("Delete " + name + "?");
		assertThat(server.bean(OidcClients.class).find(clientId)).isPresent();
		HttpResponse<String> deleted = admin.submit(details + "/delete", Map.of());
		assertThat(location(deleted)).isEqualTo(base + OidcClientsPageController.CLIENTS);
		assertThat(admin.get(location(deleted)).body()).contains("Application " + name + " deleted");
		assertThat(server.bean(OidcClients.class).find(clientId)).isEmpty();
		assertThat(admin.get(details).statusCode()).isEqualTo(404);
		assertThat(audit(adminId)).contains("OIDC_CLIENT_CREATED " + name, "OIDC_CLIENT_UPDATED " + name
				+ ": skip-consent=true", "OIDC_CLIENT_UPDATED " + name + ": skip-consent=false",
				"OIDC_CLIENT_DELETED " + name);
	}

	@Test
	void theUsersPageLinksToTheClientsAndNonAdminsAndForgedFormsAreRefused() throws Exception {
		FormClient admin = loggedIn(user(true));
		assertThat(admin.get(base + "/admin/users/").body()).contains("id=\"oidc-clients-link\"");
		assertThat(admin.get(base + OidcClientsPageController.CLIENTS).statusCode()).isEqualTo(200);

		FormClient user = loggedIn(user(false));
		assertThat(user.get(base + OidcClientsPageController.CLIENTS).statusCode()).isEqualTo(403);

		FormClient forger = adminAtTheForm(user(true));
		long before = server.bean(JdbcClient.class).sql("select count(*) from oauth2_registered_client")
			.query(Long.class).single();
		HttpResponse<String> withoutToken = HttpClient.newBuilder().cookieHandler(forger.cookies()).build()
			.send(HttpRequest.newBuilder(URI.create(base + OidcClientsPageController.NEW_CLIENT))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("name=Forged&redirectUris=https%3A%2F%2Frp.example.org%2Fcb"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(server.bean(JdbcClient.class).sql("select count(*) from oauth2_registered_client")
			.query(Long.class).single()).isEqualTo(before);
	}
}
