package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.emailchange.ChangeEmailMails.ADMIN_NOTICE_SUBJECT;
import static org.gatehouse.emailchange.ChangeEmailMails.CONFIRM_SUBJECT;
import static org.gatehouse.emailchange.ChangeEmailMails.NOTICE_SUBJECT;

import java.util.List;
import java.util.Map;

import org.gatehouse.account.Mails;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.emailchange.ChangeEmailMails;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The change of email address in JSON: POST /api/account/email, its confirm and revert tokens, and
 * POST /api/admin/users/{id}/email; problem+json for every refusal; sessions and personal access tokens
 * survive a confirmed change, and a revert ends them.
 */
@GatehouseServerTest
class EmailChangeApiTest {

	@LocalServerPort
	int port;

	@Autowired
	UserStore store;

	@Autowired
	PasswordService passwords;

	@Autowired
	AuditLog auditLog;

	private ApiTestUsers users() {
		return new ApiTestUsers(store, passwords);
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private String bearerToken(ApiClient client) {
		ApiClient.Response created = client.post("/api/tokens", Map.of("name", "script", "scopes",
				List.of("user:read"), "password", ApiTestUsers.PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("token").asString();
	}

	private int me(String bearer) {
		return new ApiClient(port).get("/api/me", "Authorization", "Bearer " + bearer).status();
	}

	@Test
	void refusalsAreProblems() {
		assertProblem(new ApiClient(port).post("/api/account/email",
				Map.of("email", ApiTestUsers.uniqueEmail(), "password", ApiTestUsers.PASSWORD)), 401);
		String email = ApiTestUsers.uniqueEmail();
		ApiClient client = users().loggedIn(port, email);

		ApiClient.Response invalid = client.post("/api/account/email", Map.of("email", "nope", "password", "x"));
		assertProblem(invalid, 400);
		assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
		ApiClient.Response wrong = client.post("/api/account/email",
				Map.of("email", ApiTestUsers.uniqueEmail(), "password", "not-the-password"));
		assertProblem(wrong, 400);
		assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
		ApiClient.Response same = client.post("/api/account/email",
				Map.of("email", email, "password", ApiTestUsers.PASSWORD));
		assertProblem(same, 400);
		assertThat(same.body()).contains("This is already your email address.");
		assertProblem(client.post("/api/account/email", "{\"email\":"), 400);

		assertProblem(new ApiClient(port).post("/api/account/email/confirm", Map.of("token", "not-a-token")), 400);
		assertProblem(new ApiClient(port).post("/api/account/email/revert", Map.of("token", "x".repeat(99))), 400);
		assertProblem(new ApiClient(port).post("/api/account/email/confirm", Map.of()), 400);
	}

	@Test
	void aConfirmedChangeKeepsTheSessionAndTheTokensAndARevertEndsThem() {
		String oldEmail = ApiTestUsers.uniqueEmail();
		String newEmail = ApiTestUsers.uniqueEmail();
		ApiClient client = users().loggedIn(port, oldEmail);
		String bearer = bearerToken(client);

		ApiClient.Response requested = client.post("/api/account/email",
				Map.of("email", newEmail, "password", ApiTestUsers.PASSWORD));
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		Mails.awaitSubject(oldEmail, NOTICE_SUBJECT);

		String token = ChangeEmailMails.awaitToken(newEmail, CONFIRM_SUBJECT);
		ApiClient.Response confirmed = new ApiClient(port).post("/api/account/email/confirm", Map.of("token", token));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertProblem(new ApiClient(port).post("/api/account/email/confirm", Map.of("token", token)), 400);

		ApiClient.Response me = client.get("/api/me");
		assertThat(me.status()).as("the session survives").isEqualTo(200);
		assertThat(me.json().path("email").asString()).isEqualTo(newEmail);
		assertThat(me(bearer)).as("the personal access token survives").isEqualTo(200);

		String revert = ChangeEmailMails.awaitToken(oldEmail, NOTICE_SUBJECT);
		ApiClient.Response reverted = new ApiClient(port).post("/api/account/email/revert", Map.of("token", revert));
		assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
		assertThat(store.findByEmail(oldEmail)).isPresent();
		assertThat(client.get("/api/me").status()).as("the session ended").isEqualTo(401);
		assertThat(me(bearer)).as("the token was revoked").isEqualTo(401);
		assertProblem(new ApiClient(port).post("/api/account/email/revert", Map.of("token", revert)), 400);
	}

	@Test
	void anAdministratorChangesAnAddressAfterReauthenticatingAndItIsAudited() {
		String adminEmail = ApiTestUsers.uniqueEmail();
		store.addRole(users().create(adminEmail), "admin");
		ApiClient admin = new ApiClient(port);
		assertThat(admin.post("/api/login", Map.of("email", adminEmail, "password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		String oldEmail = ApiTestUsers.uniqueEmail();
		String newEmail = ApiTestUsers.uniqueEmail();
		long id = users().create(oldEmail);
		String path = "/api/admin/users/" + id + "/email";

		ApiClient.Response notYet = admin.post(path, Map.of("email", newEmail));
		assertProblem(notYet, 403);
		assertThat(notYet.detail()).contains("/api/admin/reauthenticate");
		assertProblem(users().loggedIn(port, ApiTestUsers.uniqueEmail()).post(path, Map.of("email", newEmail)), 403);

		assertThat(admin.post("/api/admin/reauthenticate", Map.of("password", ApiTestUsers.PASSWORD)).status())
			.isEqualTo(200);
		assertProblem(admin.post("/api/admin/users/999999999/email", Map.of("email", newEmail)), 404);
		assertProblem(admin.post(path, Map.of("email", adminEmail)), 400);
		ApiClient.Response changed = admin.post(path, Map.of("email", newEmail));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(store.findById(id).orElseThrow().email()).isEqualTo(newEmail);
		Mails.awaitSubject(oldEmail, ADMIN_NOTICE_SUBJECT);
		Mails.awaitSubject(newEmail, ADMIN_NOTICE_SUBJECT);

		long adminId = store.findByEmail(adminEmail).orElseThrow().id();
		assertThat(auditLog.aboutUser(id, null, 10)).anySatisfy(entry -> {
			assertThat(entry.eventType()).isEqualTo("EMAIL_CHANGED");
			assertThat(entry.actorUserId()).isEqualTo(adminId);
			assertThat(entry.details()).isEqualTo(oldEmail + " -> " + newEmail);
		});
	}
}
