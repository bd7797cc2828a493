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

@GatehouseIntegrationTest
class AdminAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private WebClient loggedIn(String... roles) throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email, roles);
		WebClient client = new WebClient(mvc);
		client.login(email, WebClient.PASSWORD);
		return client;
	}

	@Test
	void anonymousVisitorsGoToTheLoginPage() throws Exception {
		for (String page : new String[] { "/admin/", "/admin/users/", "/admin/audit/", "/admin/users/new" }) {
			MvcResult result = new WebClient(mvc).perform(get(page));
			assertThat(result.getResponse().getStatus()).as(page).isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(page).contains("/login/");
		}
	}

	@Test
	void usersWithoutTheAdminRoleAreForbidden() throws Exception {
		WebClient user = loggedIn("editor");
		assertThat(user.status(get("/admin/users/"))).isEqualTo(403);
		assertThat(user.status(get("/admin/audit/"))).isEqualTo(403);
		assertThat(user.status(post("/admin/users/1/ban").with(csrf()))).isEqualTo(403);
	}

	@Test
	void adminsSeeTheAdminPagesAndTheNavLink() throws Exception {
		WebClient admin = loggedIn("admin");
		assertThat(admin.status(get("/admin/users/"))).isEqualTo(200);
		assertThat(admin.status(get("/admin/audit/"))).isEqualTo(200);
		assertThat(admin.status(get("/admin/users/new"))).isEqualTo(200);
		assertThat(admin.perform(get("/")).getResponse().getContentAsString()).contains("id=\"nav-admin\"");
		assertThat(loggedIn().perform(get("/")).getResponse().getContentAsString()).doesNotContain("nav-admin")
			.contains("nav-security-log");
	}

	@Test
	void unknownAndMalformedUserIdsAreNotFound() throws Exception {
		WebClient admin = loggedIn("admin");
		assertThat(admin.status(get("/admin/users/999999999"))).isEqualTo(404);
		assertThat(admin.status(get("/admin/users/abc"))).isEqualTo(404);
		admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD));
		assertThat(admin.status(post("/admin/users/999999999/ban").with(csrf()))).isEqualTo(404);
		assertThat(admin.status(post("/admin/users/999999999/roles/add").with(csrf()).param("role", "x")))
			.isEqualTo(404);
		long other = WebClient.createUser(users, passwords, WebClient.uniqueEmail());
		assertThat(admin.status(post("/admin/users/" + other + "/sessions/nosuchsession/revoke").with(csrf())))
			.isEqualTo(404);
		assertThat(admin.status(post("/admin/users/" + other + "/roles/remove").with(csrf()).param("role", "ghost")))
			.isEqualTo(404);
	}

	@Test
	void adminPostsNeedTheCsrfToken() throws Exception {
		WebClient admin = loggedIn("admin");
		long other = WebClient.createUser(users, passwords, WebClient.uniqueEmail());
		assertThat(admin.status(post("/admin/users/" + other + "/unban"))).isEqualTo(403);
	}
}
