package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.User;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Mass assignment through the HTML forms (issue 23, item 22): extra form fields naming an
 * account's protected state are never applied. The structural check over every write endpoint
 * is {@code api.MassAssignmentApiTest}.
 */
@GatehouseIntegrationTest
class MassAssignmentFormTest {

	static final Map<String, String> EXTRAS = Map.ofEntries(Map.entry("id", "1"), Map.entry("userId", "1"),
			Map.entry("roles", "admin"), Map.entry("active", "true"), Map.entry("confirmed", "true"),
			Map.entry("confirmedAt", "2020-01-01T00:00:00Z"), Map.entry("confirmed_at", "2020-01-01"),
			Map.entry("admin", "true"), Map.entry("passwordHash", "$pbkdf2-sha512$1000$YQ$YQ"),
			Map.entry("loginCount", "99"), Map.entry("createdAt", "2000-01-01T00:00:00Z"));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private static MockHttpServletRequestBuilder withExtras(MockHttpServletRequestBuilder request) {
		EXTRAS.forEach(request::param);
		return request;
	}

	/** The extras but "roles", which the new-user form has (needing re-authentication when not empty). */
	private static MockHttpServletRequestBuilder withExtrasButRoles(MockHttpServletRequestBuilder request) {
		EXTRAS.forEach((name, value) -> {
			if (!name.equals("roles")) {
				request.param(name, value);
			}
		});
		return request;
	}

	@Test
	void signingUpIgnoresRolesAndConfirmation() throws Exception {
		String email = WebClient.uniqueEmail();
		new WebClient(mvc).perform(withExtras(post("/signup/").with(csrf()).param("email", email)
			.param("password", WebClient.PASSWORD).param("passwordConfirm", WebClient.PASSWORD)));
		User user = users.findByEmail(email).orElseThrow();
		assertThat(user.roles()).isEmpty();
		assertThat(user.confirmed()).isFalse();
		assertThat(user.id()).isNotEqualTo(1L);
		assertThat(user.loginCount()).isLessThanOrEqualTo(1);
	}

	@Test
	void anInvitedUserGetsNeitherRolesNorAPasswordNorAConfirmationFromExtraFields() throws Exception {
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		String email = WebClient.uniqueEmail();
		admin.perform(withExtrasButRoles(post(AdminPaths.NEW_USER).with(csrf()).param("email", email)
			.param("password", WebClient.PASSWORD)));
		User user = users.findByEmail(email).orElseThrow();
		assertThat(user.roles()).isEmpty();
		assertThat(user.confirmed()).isFalse();
		assertThat(user.passwordHash()).isNull();
	}

	@Test
	void aRoleGoesOnlyToTheUserInThePath() throws Exception {
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		admin.perform(post(AdminPaths.REAUTH).with(csrf()).param("password", WebClient.PASSWORD));
		long target = WebClient.createUser(users, passwords, WebClient.uniqueEmail());
		long other = WebClient.createUser(users, passwords, WebClient.uniqueEmail());
		admin.perform(post(AdminPaths.user(target) + "/roles/add").with(csrf()).param("role", "editor")
			.param("id", Long.toString(other)).param("userId", Long.toString(other)));
		assertThat(users.findById(target).orElseThrow().roles()).containsExactly("editor");
		assertThat(users.findById(other).orElseThrow().roles()).isEmpty();
	}

	@Test
	void changingThePasswordIgnoresEmailAndRoles() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient owner = new WebClient(mvc);
		owner.login(email, WebClient.PASSWORD);
		owner.perform(withExtras(post("/account/settings/password/").with(csrf())
			.param("currentPassword", WebClient.PASSWORD).param("password", "another-long-passphrase-7")
			.param("passwordConfirm", "another-long-passphrase-7").param("email", "taken-over@example.org")
			.param("username", "takenover")));
		User user = users.findByEmail(email).orElseThrow();
		assertThat(user.username()).isNull();
		assertThat(user.roles()).isEmpty();
		assertThat(passwords.verify("another-long-passphrase-7", user.passwordHash()).matches()).isTrue();
	}
}
