package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.admin.WebClient;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 23 item 5: wrong current passwords on change password (page, API with a session, API with
 * a user:write token) and on admin re-authentication count in the account's login failures, and a
 * locked account's right password is refused there too.
 */
@GatehouseIntegrationTest
class PasswordChecksShareTheLoginLockTest {

	private static final String PASSWORD = WebClient.PASSWORD;
	private static final String NEW_PASSWORD = "quartz-meadow-violin-77";
	private static final ObjectMapper JSON = new ObjectMapper();
	private static final AtomicInteger NEXT_IP = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	GatehouseProperties properties;

	private static String newIp() {
		int n = NEXT_IP.incrementAndGet();
		return "10.79." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	private int maxFailures() {
		return properties.getThrottle().getAccountMaxFailures();
	}

	private WebClient loggedIn(String email) throws Exception {
		WebClient browser = new WebClient(mvc, newIp());
		assertThat(browser.login(email, PASSWORD).getResponse().getRedirectedUrl()).isNotEqualTo("/login/?error=");
		return browser;
	}

	private MvcResult changeOnPage(WebClient browser, String current) throws Exception {
		return browser.perform(post(properties.getUrls().getChangePassword()).with(csrf())
			.param("currentPassword", current).param("password", NEW_PASSWORD).param("passwordConfirm", NEW_PASSWORD));
	}

	private MvcResult changeInApi(WebClient client, String current, String... headers) throws Exception {
		var request = post("/api/change-password").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("password", current, "new_password", NEW_PASSWORD)));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return client.perform(request);
	}

	private void assertLoginLocked(String email) throws Exception {
		assertThat(new WebClient(mvc, newIp()).login(email, PASSWORD).getResponse().getRedirectedUrl())
			.isEqualTo("/login/?throttled=");
	}

	private void assertPasswordUnchanged(String email) {
		String hash = users.findByLogin(email).orElseThrow().passwordHash();
		assertThat(passwords.verify(PASSWORD, hash).matches()).isTrue();
	}

	@Test
	void wrongCurrentPasswordsOnTheChangePageLockTheAccount() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient browser = loggedIn(email);
		for (int i = 0; i < maxFailures(); i++) {
			assertThat(changeOnPage(browser, "wrong-" + i).getResponse().getContentAsString())
				.contains("The current password is not correct.");
		}
		MvcResult right = changeOnPage(browser, PASSWORD);
		assertThat(right.getResponse().getContentAsString())
			.contains("Too many wrong passwords for this account; try again in a few minutes.");
		assertPasswordUnchanged(email);
		assertLoginLocked(email);
	}

	@Test
	void wrongCurrentPasswordsInTheApiLockTheAccountWithASessionAndWithAToken() throws Exception {
		for (boolean withToken : List.of(false, true)) {
			String email = WebClient.uniqueEmail();
			WebClient.createUser(users, passwords, email);
			WebClient client;
			String[] auth;
			if (withToken) {
				client = new WebClient(mvc, newIp());
				String secret = tokenCreatedThroughTheApi(email);
				auth = new String[] { "Authorization", "Bearer " + secret };
			}
			else {
				client = new WebClient(mvc, newIp());
				assertThat(client.perform(post("/api/login").contentType(MediaType.APPLICATION_JSON)
					.content(JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
					.getResponse().getStatus()).isEqualTo(200);
				auth = new String[] { properties.getCsrf().getHeaderName(),
						client.cookie(properties.getCsrf().getCookieName()) };
			}
			for (int i = 0; i < maxFailures(); i++) {
				assertThat(changeInApi(client, "wrong-" + i, auth).getResponse().getStatus()).as("token " + withToken)
					.isEqualTo(400);
			}
			MvcResult right = changeInApi(client, PASSWORD, auth);
			assertThat(right.getResponse().getStatus()).isEqualTo(400);
			assertThat(right.getResponse().getContentAsString())
				.contains("Too many wrong passwords for this account; try again in a few minutes.");
			assertPasswordUnchanged(email);
			assertLoginLocked(email);
		}
	}

	/** A user:write token, created as users create them: logged in, with the password in the body. */
	private String tokenCreatedThroughTheApi(String email) throws Exception {
		WebClient owner = new WebClient(mvc, newIp());
		assertThat(owner.perform(post("/api/login").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD))))
			.getResponse().getStatus()).isEqualTo(200);
		MvcResult created = owner.perform(post("/api/tokens").contentType(MediaType.APPLICATION_JSON)
			.header(properties.getCsrf().getHeaderName(), owner.cookie(properties.getCsrf().getCookieName()))
			.content(JSON.writeValueAsString(Map.of("name", "script", "scopes", List.of("user:write"), "password",
					PASSWORD))));
		assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
		return JSON.readTree(created.getResponse().getContentAsString()).path("token").asString();
	}

	@Test
	void wrongPasswordsOnAdminReauthenticationLockTheAccount() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email, "admin");
		WebClient admin = loggedIn(email);
		for (int i = 0; i < maxFailures(); i++) {
			assertThat(admin.status(post("/admin/reauth").with(csrf()).param("password", "wrong-" + i)))
				.isEqualTo(400);
		}
		assertThat(admin.status(post("/admin/reauth").with(csrf()).param("password", PASSWORD)))
			.as("the right password of a locked account").isEqualTo(400);
		assertLoginLocked(email);
	}

	@Test
	void failedLoginsLockPasswordChecksOfSignedInSessions() throws Exception {
		String email = WebClient.uniqueEmail();
		WebClient.createUser(users, passwords, email);
		WebClient browser = loggedIn(email);
		WebClient attacker = new WebClient(mvc, newIp());
		for (int i = 0; i < maxFailures(); i++) {
			attacker.login(email, "guess-" + i);
		}
		assertThat(changeOnPage(browser, PASSWORD).getResponse().getContentAsString())
			.contains("Too many wrong passwords for this account; try again in a few minutes.");
		assertPasswordUnchanged(email);
	}
}
