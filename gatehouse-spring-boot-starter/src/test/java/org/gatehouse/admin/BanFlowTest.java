package org.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@GatehouseIntegrationTest
class BanFlowTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	AuditLog auditLog;

	private WebClient admin() throws Exception {
		return WebClient.loggedIn(mvc, users, passwords, "admin");
	}

	@Test
	void banNeedsAFreshPasswordThenEndsSessionsAndRememberMe() throws Exception {
		String email = WebClient.uniqueEmail();
		long victim = WebClient.createUser(users, passwords, email);
		WebClient victimBrowser = new WebClient(mvc);
		victimBrowser.loginRemembered(email, WebClient.PASSWORD);
		String rememberMe = victimBrowser.cookie(WebClient.REMEMBER_COOKIE);
		assertThat(rememberMe).isNotNull();
		assertThat(victimBrowser.isLoggedIn()).isTrue();

		WebClient admin = admin();
		assertThat(admin.perform(get("/admin/users/" + victim)).getResponse().getContentAsString())
			.contains(email).contains("id=\"login-count\">1<");

		MvcResult withoutReauth = admin.perform(post("/admin/users/" + victim + "/ban").with(csrf()));
		assertThat(withoutReauth.getResponse().getRedirectedUrl())
			.isEqualTo("/admin/reauth?next=/admin/users/" + victim);
		assertThat(users.findById(victim).orElseThrow().active()).isTrue();
		assertThat(victimBrowser.isLoggedIn()).isTrue();

		String reauthPage = admin.perform(get("/admin/reauth?next=/admin/users/" + victim)).getResponse()
			.getContentAsString();
		assertThat(reauthPage).contains("entered within the last 5 minutes");
		String action = pendingAction(reauthPage);

		MvcResult wrong = admin.perform(post("/admin/reauth").with(csrf()).param("password", "wrong-password-123")
			.param("next", "/admin/users/" + victim).param("action", action));
		assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
		assertThat(users.findById(victim).orElseThrow().active()).isTrue();
		MvcResult reauth = admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "/admin/users/" + victim).param("action", action));
		assertThat(reauth.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + victim);
		assertThat(users.findById(victim).orElseThrow().active()).as("banned without a second click").isFalse();
		assertThat(victimBrowser.isLoggedIn()).as("session ended").isFalse();
		assertThat(admin.perform(get("/admin/users/" + victim)).getResponse().getContentAsString())
			.contains("User " + email + " banned");

		WebClient rememberedOnly = new WebClient(mvc);
		rememberedOnly.setCookie(WebClient.REMEMBER_COOKIE, rememberMe);
		assertThat(rememberedOnly.isLoggedIn()).as("remember-me ended").isFalse();
		assertThat(new WebClient(mvc).login(email, WebClient.PASSWORD).getResponse().getRedirectedUrl())
			.contains("error");
		assertThat(auditLog.aboutUser(victim, null, 50)).extracting(e -> e.eventType()).contains("USER_BANNED");

		admin.perform(post("/admin/users/" + victim + "/unban").with(csrf()));
		assertThat(users.findById(victim).orElseThrow().active()).isTrue();
	}

	static String pendingAction(String reauthPage) {
		java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"action\" value=\"([0-9a-f]+)\"")
			.matcher(reauthPage);
		assertThat(field.find()).as("the re-authentication form names the pending action").isTrue();
		return field.group(1);
	}

	@Test
	void aPendingActionIsPerformedOnlyOnceAndOnlyWithItsOwnId() throws Exception {
		String email = WebClient.uniqueEmail();
		long victim = WebClient.createUser(users, passwords, email);
		String otherEmail = WebClient.uniqueEmail();
		long other = WebClient.createUser(users, passwords, otherEmail);
		WebClient admin = admin();

		admin.perform(post("/admin/users/" + victim + "/ban").with(csrf()));
		String action = pendingAction(admin.perform(get("/admin/reauth")).getResponse().getContentAsString());
		MvcResult forged = admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "/admin/users/" + other).param("action", "00" + action.substring(2)));
		assertThat(forged.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + other);
		assertThat(users.findById(victim).orElseThrow().active()).as("a forged id performs nothing").isTrue();
		assertThat(users.findById(other).orElseThrow().active()).isTrue();

		WebClient admin2 = admin();
		admin2.perform(post("/admin/users/" + victim + "/roles/add").with(csrf()).param("role", "reviewer"));
		String addRole = pendingAction(admin2.perform(get("/admin/reauth")).getResponse().getContentAsString());
		assertThat(admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("action", addRole)).getResponse().getRedirectedUrl())
			.as("another session's pending action is not this one's").isEqualTo("/admin/users/");
		assertThat(users.findById(victim).orElseThrow().roles()).doesNotContain("reviewer");

		admin2.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD).param("action", addRole));
		assertThat(users.findById(victim).orElseThrow().roles()).contains("reviewer");
		admin2.perform(post("/admin/users/" + victim + "/roles/remove").with(csrf()).param("role", "reviewer"));
		admin2.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD).param("action", addRole));
		assertThat(users.findById(victim).orElseThrow().roles()).as("a replayed id performs nothing")
			.doesNotContain("reviewer");
	}

	@Test
	void theUserPageShowsReadableTimesAndADestructiveBanButton() throws Exception {
		String email = WebClient.uniqueEmail();
		long user = WebClient.createUser(users, passwords, email);
		new WebClient(mvc).login(email, WebClient.PASSWORD);
		String page = admin().perform(get("/admin/users/" + user)).getResponse().getContentAsString();
		assertThat(page).containsPattern("<time datetime=\"[^\"]+\" title=\"[^\"]+\">\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC</time>")
			.doesNotContainPattern(">[^<]*\\d{2}:\\d{2}:\\d{2}\\.\\d+Z?<")
			.containsPattern("id=\"ban\" class=\"destructive\"");
	}

	@Test
	void reauthenticationDoesNotRedirectOutsideTheAdminArea() throws Exception {
		WebClient admin = admin();
		MvcResult result = admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD)
			.param("next", "//evil.example/admin/"));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/");
	}

	@Test
	void roleChangesNeedReauthenticationAndAreLogged() throws Exception {
		String email = WebClient.uniqueEmail();
		long user = WebClient.createUser(users, passwords, email, "editor");
		WebClient userBrowser = new WebClient(mvc);
		userBrowser.login(email, WebClient.PASSWORD);
		WebClient admin = admin();

		assertThat(admin.perform(post("/admin/users/" + user + "/roles/add").with(csrf()).param("role", "reviewer"))
			.getResponse().getRedirectedUrl()).startsWith("/admin/reauth");
		admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD));
		admin.perform(post("/admin/users/" + user + "/roles/add").with(csrf()).param("role", "reviewer"));
		assertThat(users.findById(user).orElseThrow().roles()).contains("reviewer", "editor");
		admin.perform(post("/admin/users/" + user + "/roles/remove").with(csrf()).param("role", "editor"));
		assertThat(users.findById(user).orElseThrow().roles()).containsExactly("reviewer");
		assertThat(userBrowser.isLoggedIn()).as("taking a role ends the sessions").isFalse();
		assertThat(admin.perform(post("/admin/users/" + user + "/roles/add").with(csrf()).param("role", "Bad Role!"))
			.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + user);
		assertThat(auditLog.aboutUser(user, null, 50)).extracting(e -> e.eventType() + ":" + e.details())
			.contains("ROLE_ADDED:reviewer", "ROLE_REMOVED:editor");
	}

	@Test
	void adminRevokesOneSessionOfAUser() throws Exception {
		String email = WebClient.uniqueEmail();
		long user = WebClient.createUser(users, passwords, email);
		WebClient userBrowser = new WebClient(mvc);
		userBrowser.login(email, WebClient.PASSWORD);
		WebClient admin = admin();
		admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD));
		String page = admin.perform(get("/admin/users/" + user)).getResponse().getContentAsString();
		java.util.regex.Matcher ref = java.util.regex.Pattern.compile("/sessions/([^/\"]+)/revoke").matcher(page);
		assertThat(ref.find()).isTrue();
		assertThat(admin.status(post("/admin/users/" + user + "/sessions/" + ref.group(1) + "/revoke").with(csrf())))
			.isEqualTo(302);
		assertThat(userBrowser.isLoggedIn()).isFalse();
	}
}
