package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every admin page action that grants or takes privilege needs a recent password: without it the
 * admin lands on the re-authentication page and nothing changed; after it the action is done.
 * Re-authentication rotates the session id (issue 23, items 10 and 18).
 */
@GatehouseIntegrationTest
class PrivilegedActionsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private WebClient admin() throws Exception {
		return WebClient.loggedIn(mvc, users, passwords, "admin");
	}

	private long user() {
		return WebClient.createUser(users, passwords, WebClient.uniqueEmail());
	}

	private static void reauthenticate(WebClient admin) throws Exception {
		MvcResult result = admin.perform(post(AdminPaths.REAUTH).with(csrf()).param("password", WebClient.PASSWORD));
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
	}

	/** Refused to the re-authentication page (which leads back to {@code next}), then done after it. */
	private void refusedThenAllowed(MockHttpServletRequestBuilder action, String next, Runnable unchanged,
			Runnable changed) throws Exception {
		WebClient admin = admin();
		MvcResult refused = admin.perform(action);
		assertThat(refused.getResponse().getStatus()).isEqualTo(302);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo(AdminPaths.REAUTH + "?next=" + next);
		unchanged.run();
		reauthenticate(admin);
		MvcResult done = admin.perform(action);
		assertThat(done.getResponse().getStatus()).isEqualTo(302);
		assertThat(done.getResponse().getRedirectedUrl()).doesNotContain(AdminPaths.REAUTH);
		changed.run();
	}

	private boolean hasRole(long id, String role) {
		return users.findById(id).orElseThrow().hasRole(role);
	}

	private boolean active(long id) {
		return users.findById(id).orElseThrow().active();
	}

	@Test
	void creatingAUserWithRoles() throws Exception {
		String email = WebClient.uniqueEmail();
		refusedThenAllowed(post(AdminPaths.NEW_USER).with(csrf()).param("email", email).param("roles", "admin"),
				AdminPaths.NEW_USER, () -> assertThat(users.findByLogin(email)).isEmpty(),
				() -> assertThat(users.findByLogin(email).orElseThrow().hasRole("admin")).isTrue());
	}

	@Test
	void creatingAUserWithoutRolesNeedsNoPassword() throws Exception {
		String email = WebClient.uniqueEmail();
		MvcResult created = admin().perform(post(AdminPaths.NEW_USER).with(csrf()).param("email", email));
		assertThat(created.getResponse().getRedirectedUrl()).startsWith(AdminPaths.USERS);
		assertThat(users.findByLogin(email).orElseThrow().roles()).isEmpty();
	}

	@Test
	void addingARole() throws Exception {
		long user = user();
		refusedThenAllowed(post(AdminPaths.user(user) + "/roles/add").with(csrf()).param("role", "admin"),
				AdminPaths.user(user), () -> assertThat(hasRole(user, "admin")).isFalse(),
				() -> assertThat(hasRole(user, "admin")).isTrue());
	}

	@Test
	void unbanning() throws Exception {
		long user = user();
		users.setActive(user, false);
		refusedThenAllowed(post(AdminPaths.user(user) + "/unban").with(csrf()), AdminPaths.user(user),
				() -> assertThat(active(user)).isFalse(), () -> assertThat(active(user)).isTrue());
	}

	@Test
	void banningAndRemovingARole() throws Exception {
		long banned = user();
		refusedThenAllowed(post(AdminPaths.user(banned) + "/ban").with(csrf()), AdminPaths.user(banned),
				() -> assertThat(active(banned)).isTrue(), () -> assertThat(active(banned)).isFalse());
		long editor = user();
		users.addRole(editor, "editor");
		refusedThenAllowed(post(AdminPaths.user(editor) + "/roles/remove").with(csrf()).param("role", "editor"),
				AdminPaths.user(editor), () -> assertThat(hasRole(editor, "editor")).isTrue(),
				() -> assertThat(hasRole(editor, "editor")).isFalse());
	}

	@Test
	void reauthenticationRotatesTheSessionId() throws Exception {
		WebClient admin = admin();
		String before = admin.cookie(WebClient.SESSION_COOKIE);
		reauthenticate(admin);
		assertThat(admin.cookie(WebClient.SESSION_COOKIE)).isNotNull().isNotEqualTo(before);
		assertThat(admin.status(get(AdminPaths.USERS))).isEqualTo(200);
		WebClient stale = new WebClient(mvc);
		stale.setCookie(WebClient.SESSION_COOKIE, before);
		assertThat(stale.isLoggedIn()).isFalse();
	}
}
