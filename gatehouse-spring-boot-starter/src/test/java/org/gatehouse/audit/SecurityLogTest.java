package org.gatehouse.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.admin.WebClient;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@GatehouseIntegrationTest
class SecurityLogTest {

	private static final String NEW_PASSWORD = "violet-harbour-compass-77";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditRetentionTask retention;

	@Autowired
	JdbcClient jdbc;

	private List<String> types(long userId) {
		return auditLog.aboutUser(userId, null, 100).stream().map(AuditEntry::eventType).toList();
	}

	@Test
	void theSecurityLogPagesReadAsSentences() throws Exception {
		String firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
		String email = WebClient.uniqueEmail();
		long id = WebClient.createUser(users, passwords, email);
		WebClient browser = new WebClient(mvc, "0:0:0:0:0:0:0:1");
		browser.perform(post("/login/").header("User-Agent", firefox).with(csrf()).param("login", email)
			.param("password", "wrong-password-123"));
		browser.perform(post("/login/").header("User-Agent", firefox).with(csrf()).param("login", email)
			.param("password", WebClient.PASSWORD));

		String own = browser.perform(get("/account/security-log/")).getResponse().getContentAsString();
		assertThat(own).contains(">Signed in<", ">Sign-in failed<", "A sign-in to the account was refused.",
				">wrong password<", ">Firefox 133 on Windows<", ">::1<", "<time datetime=\"")
			.doesNotContain("LOGIN_SUCCESS", "Exception", "0:0:0:0", "Mozilla/5.0");

		String audit = WebClient.loggedIn(mvc, users, passwords, "admin").perform(get("/admin/audit/").param("user", email))
			.getResponse().getContentAsString();
		assertThat(audit).contains("Security log of all accounts", "href=\"/admin/users/" + id + "\">" + email + "<")
			.doesNotContain("Security events of your account", "LOGIN_FAILURE<");
	}

	@Test
	void clientsAreNamedInTheReadersLanguageAndUnknownSystemsAreLeftOut() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient browser = new WebClient(mvc);
		browser.perform(post("/login/").header("User-Agent", "curl/8.5.0").with(csrf()).param("login", email)
			.param("password", "wrong-password-123"));
		browser.perform(post("/login/").header("User-Agent",
				"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")
			.with(csrf()).param("login", email).param("password", WebClient.PASSWORD));

		assertThat(browser.perform(get("/account/security-log/").header("Accept-Language", "de")).getResponse()
			.getContentAsString()).contains(">Firefox 133 unter Windows<", ">curl 8<").doesNotContain("Other", " on ");
	}

	@Test
	void theDetailsOfABanAreASentenceWithPluralsInTheReadersLanguage() throws Exception {
		String email = WebClient.uniqueEmail();
		long id = WebClient.createUser(users, passwords, email);
		new WebClient(mvc).login(email, WebClient.PASSWORD);
		WebClient admin = WebClient.loggedIn(mvc, users, passwords, "admin");
		admin.perform(post("/admin/reauth").with(csrf()).param("password", WebClient.PASSWORD));
		admin.perform(post("/admin/users/" + id + "/ban").with(csrf()));
		assertThat(users.findById(id).orElseThrow().active()).isFalse();

		assertThat(admin.perform(get("/admin/audit/").param("user", email)).getResponse().getContentAsString())
			.contains(">1 session and no API token ended<").doesNotContain("(s)");
		assertThat(admin.perform(get("/admin/audit/").param("user", email).header("Accept-Language", "de"))
			.getResponse().getContentAsString()).contains(">1 Sitzung und kein API-Token beendet<");
	}

	@Test
	void loginsFailuresPasswordChangesAndLogoutsAreLogged() throws Exception {
		String email = WebClient.uniqueEmail();
		long id = WebClient.createUser(users, passwords, email);
		WebClient browser = new WebClient(mvc);
		browser.login(email, "wrong-password-123");
		browser.login(email, WebClient.PASSWORD);
		browser.perform(post("/account/settings/password/").with(csrf()).param("currentPassword", WebClient.PASSWORD)
			.param("password", NEW_PASSWORD).param("passwordConfirm", NEW_PASSWORD));
		browser.perform(post("/logout/").with(csrf()));

		assertThat(types(id)).containsExactly("LOGOUT", "PASSWORD_CHANGE", "LOGIN_SUCCESS", "LOGIN_FAILURE");
		AuditEntry login = auditLog.aboutUser(id, null, 100).get(2);
		assertThat(login.actorUserId()).isEqualTo(id);
		assertThat(login.ip()).isEqualTo("127.0.0.1");
		assertThat(login.userAgent()).isEqualTo("WebClient/1.0");
		assertThat(login.details()).isEqualTo("password");
	}

	@Test
	void failedLoginsForUnknownAccountsDoNotStoreWhatWasTyped() throws Exception {
		new WebClient(mvc).login("typed-a-password-here", "x");
		List<AuditEntry> recent = auditLog.search(new AuditQuery(SecurityEventType.LOGIN_FAILURE, null, null, null, null), 20);
		assertThat(recent).isNotEmpty();
		assertThat(recent).allSatisfy(e -> assertThat(e.details()).doesNotContain("typed-a-password-here"));
	}

	@Test
	void registrationIsLogged() throws Exception {
		String email = WebClient.uniqueEmail();
		new WebClient(mvc).perform(post("/signup/").with(csrf()).param("email", email).param("password", NEW_PASSWORD)
			.param("passwordConfirm", NEW_PASSWORD));
		long id = users.findByEmail(email).orElseThrow().id();
		assertThat(types(id)).contains("REGISTRATION");
	}

	@Test
	void theSecurityLogPageShowsOnlyTheUsersOwnEvents() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		String otherEmail = WebClient.uniqueEmail();
		long other = WebClient.createUser(users, passwords, otherEmail);
		WebClient otherBrowser = new WebClient(mvc);
		otherBrowser.login(otherEmail, WebClient.PASSWORD);
		otherBrowser.perform(post("/account/settings/password/").with(csrf()).param("currentPassword", WebClient.PASSWORD)
			.param("password", NEW_PASSWORD).param("passwordConfirm", NEW_PASSWORD));
		assertThat(types(other)).contains("PASSWORD_CHANGE");

		WebClient browser = new WebClient(mvc);
		browser.login(email, WebClient.PASSWORD);
		String page = browser.perform(get("/account/security-log/")).getResponse().getContentAsString();
		assertThat(page).contains(">Signed in<").doesNotContain(">Password changed<");
		assertThat(page.split("class=\"audit-row\"", -1)).hasSize(2);
		assertThat(new WebClient(mvc).perform(get("/account/security-log/")).getResponse().getStatus()).isEqualTo(302);
	}

	@Test
	void adminsFilterTheWholeLog() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email, "admin");
		String userEmail = WebClient.uniqueEmail();
		long user = WebClient.createUser(users, passwords, userEmail);
		new WebClient(mvc).login(userEmail, "wrong-password-123");
		WebClient admin = new WebClient(mvc);
		admin.login(email, WebClient.PASSWORD);
		String filtered = admin.perform(get("/admin/audit/").param("user", userEmail).param("type", "LOGIN_FAILURE")
			.param("from", java.time.LocalDate.now(ZoneOffset.UTC).toString())).getResponse().getContentAsString();
		assertThat(filtered.split("class=\"audit-row\"", -1)).hasSize(2);
		assertThat(filtered).contains("/admin/users/" + user);
		String none = admin.perform(get("/admin/audit/").param("user", userEmail).param("type", "LOGOUT"))
			.getResponse().getContentAsString();
		assertThat(none).doesNotContain("class=\"audit-row\"");
	}

	@Test
	void retentionDeletesOldEntries() {
		long user = users.create(WebClient.uniqueEmail(), null, null, true);
		jdbc.sql("insert into gh_audit_log (occurred_at, event_type, subject_user_id) values (?, ?, ?)")
			.params(OffsetDateTime.ofInstant(Instant.now().minus(Duration.ofDays(400)), ZoneOffset.UTC), "LOGOUT", user)
			.update();
		auditLog.append(SecurityEvent.byUser(SecurityEventType.LOGOUT, user, "recent"), null, null);
		assertThat(retention.name()).isEqualTo("audit-retention");
		assertThat(retention.run()).isGreaterThanOrEqualTo(1);
		assertThat(auditLog.aboutUser(user, null, 10)).extracting(AuditEntry::details).containsExactly("recent");
	}
}
