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
