package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.account.TokensProperties;
import org.gatehouse.crypto.Signers;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class InvitationFlowTest {

	private static final String NEW_PASSWORD = "violet-harbour-compass-77";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	InvitationLinks invitations;

	@Autowired
	Signers signers;

	@Autowired
	TokensProperties properties;

	@Test
	void adminCreatesAUserWhoSetsAPasswordOnceThroughTheMailedLink() throws Exception {
		String adminEmail = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, adminEmail, "admin");
		WebClient admin = new WebClient(mvc);
		admin.login(adminEmail, WebClient.PASSWORD);
		// roles are a grant of privilege: a recent password first
		admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD));

		String email = WebClient.uniqueEmail();
		String redirect = admin.perform(post("/admin/users/new").with(csrf()).param("email", email)
			.param("username", "").param("roles", "editor, reviewer")).getResponse().getRedirectedUrl();
		User created = users.findByEmail(email).orElseThrow();
		assertThat(redirect).isEqualTo("/admin/users/" + created.id());
		assertThat(created.passwordHash()).isNull();
		assertThat(created.confirmed()).isFalse();
		assertThat(created.roles()).containsExactlyInAnyOrder("editor", "reviewer");

		String path = URI.create(TestMail.awaitLink(email, 1)).getPath();
		assertThat(path).startsWith("/invite/");
		WebClient invited = new WebClient(mvc);
		assertThat(invited.status(get(path))).isEqualTo(200);
		assertThat(invited.status(get(path))).as("opening the link changes nothing").isEqualTo(200);
		assertThat(users.findById(created.id()).orElseThrow().confirmed()).isFalse();
		assertThat(invited.status(post(path).with(csrf()).param("password", NEW_PASSWORD)
			.param("passwordConfirm", NEW_PASSWORD))).isEqualTo(200);
		assertThat(users.findById(created.id()).orElseThrow().confirmed()).isTrue();
		assertThat(invited.login(email, NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");

		WebClient replay = new WebClient(mvc);
		assertThat(replay.status(get(path))).as("single use").isEqualTo(400);
		assertThat(replay.status(post(path).with(csrf()).param("password", "another-long-passphrase-9")
			.param("passwordConfirm", "another-long-passphrase-9"))).isEqualTo(400);
	}

	@Test
	void aNewUserWithRolesIsCreatedOnceTheAdminConfirmsTheirPassword() throws Exception {
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		String email = WebClient.uniqueEmail();
		MvcResult refused = admin.perform(post("/admin/users/new").with(csrf()).param("email", email)
			.param("username", "").param("roles", "editor, reviewer"));
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/reauth?next=/admin/users/new");
		assertThat(users.findByEmail(email)).isEmpty();

		String reauthPage = admin.perform(get(refused.getResponse().getRedirectedUrl())).getResponse()
			.getContentAsString();
		assertThat(reauthPage).as("the form stays on the server").doesNotContain(email);
		String action = BanFlowTest.pendingAction(reauthPage);
		assertThat(admin.status(post("/admin/reauth").with(csrf()).param("password", "wrong-password-123")
			.param("next", "/admin/users/new").param("action", action))).isEqualTo(400);
		assertThat(users.findByEmail(email)).isEmpty();

		MvcResult confirmed = admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "/admin/users/new").param("action", action));
		User created = users.findByEmail(email).orElseThrow(() -> new AssertionError("created without a second submit"));
		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + created.id());
		assertThat(created.roles()).containsExactlyInAnyOrder("editor", "reviewer");
		assertThat(created.passwordHash()).isNull();
		assertThat(TestMail.awaitLink(email, 1)).contains("/invite/");
		assertThat(admin.perform(get("/admin/users/" + created.id())).getResponse().getContentAsString())
			.contains("User " + email + " created and invited by email.");

		assertThat(admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "/admin/users/new").param("action", action)).getResponse().getRedirectedUrl())
			.as("a replayed id performs nothing").isEqualTo("/admin/users/new");
	}

	@Test
	void aNewUserWhoseEmailWasTakenMeanwhileIsShownAgainFilledIn() throws Exception {
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		String email = WebClient.uniqueEmail();
		admin.perform(post("/admin/users/new").with(csrf()).param("email", email).param("username", "")
			.param("roles", "editor"));
		String action = BanFlowTest.pendingAction(admin.perform(get("/admin/reauth")).getResponse().getContentAsString());
		long meanwhile = users.create(email, null, null, false);

		MvcResult confirmed = admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "/admin/users/new").param("action", action));
		assertThat(confirmed.getResponse().getStatus()).isEqualTo(200);
		assertThat(confirmed.getResponse().getContentAsString()).contains("id=\"new-user-form\"")
			.contains("value=\"" + email + "\"").contains("value=\"editor\"")
			.contains("This email address already has an account.");
		assertThat(users.findById(meanwhile).orElseThrow().roles()).isEmpty();
	}

	@Test
	void theCreatedUserIsNamedInTheNotice() throws Exception {
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		String email = WebClient.uniqueEmail();
		String redirect = admin.perform(post("/admin/users/new").with(csrf()).param("email", email).param("username", ""))
			.getResponse().getRedirectedUrl();
		assertThat(redirect).startsWith("/admin/users/");
		assertThat(admin.perform(get(redirect)).getResponse().getContentAsString())
			.contains("User " + email + " created and invited by email.");
	}

	@Test
	void theLinkExpires() throws Exception {
		long id = users.create(WebClient.uniqueEmail(), null, null, false);
		User user = users.findById(id).orElseThrow();
		Duration validity = properties.getInvitationValidity();
		InvitationLinks madeEarlier = new InvitationLinks(signers, properties,
				Clock.offset(Clock.system(ZoneOffset.UTC), validity.plusMinutes(1).negated()));
		String expired = madeEarlier.token(user);
		assertThat(invitations.user(expired, users)).isEmpty();
		assertThat(invitations.user(invitations.token(user), users)).isPresent();
		assertThat(new WebClient(mvc).status(get("/invite/" + expired))).isEqualTo(400);
		assertThat(new WebClient(mvc).status(get("/invite/garbage"))).isEqualTo(400);
	}

	@Test
	void invalidInputIsShownAgain() throws Exception {
		String adminEmail = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, adminEmail, "admin");
		WebClient admin = new WebClient(mvc);
		admin.login(adminEmail, WebClient.PASSWORD);
		assertThat(admin.status(post("/admin/users/new").with(csrf()).param("email", "not-an-email"))).isEqualTo(200);
		assertThat(admin.status(post("/admin/users/new").with(csrf()).param("email", adminEmail))).isEqualTo(200);
		assertThat(users.findByEmail("not-an-email")).isEmpty();
	}
}
