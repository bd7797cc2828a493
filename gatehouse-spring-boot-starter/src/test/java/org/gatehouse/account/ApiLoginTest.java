package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.gatehouse.audit.AuditEntry;
import org.gatehouse.audit.AuditLog;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.session.SessionCookies;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * /api/login and the login form are one login (issue 23 items 2 and 3, and the /api/login part of
 * item 22): same throttle keyed by the client's real address and by the account whatever its
 * spelling, same audit events, control characters refused with a 400, CSRF rules of the API.
 */
@GatehouseIntegrationTest
class ApiLoginTest {

	private static final String PASSWORD = "plum-orbit-lantern-42";
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

	@Autowired
	AuditLog auditLog;

	private static String newIp() {
		int n = NEXT_IP.incrementAndGet();
		return "10.78." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	private static String uniqueEmail() {
		return "a" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private long newUser(String email, String username) {
		return users.create(email, username, passwords.hashNew(PASSWORD), true);
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, String ip) throws Exception {
		return mvc.perform(request.with(r -> {
			r.setRemoteAddr(ip);
			return r;
		})).andReturn();
	}

	private MvcResult apiLogin(String field, String login, String password, String ip) throws Exception {
		return perform(post("/api/login").contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of(field, login, "password", password))), ip);
	}

	private MvcResult apiLogin(String email, String password, String ip) throws Exception {
		return apiLogin("email", email, password, ip);
	}

	private String formLogin(String login, String password, String ip) throws Exception {
		MvcResult result = perform(post("/login/").with(csrf()).param("login", login).param("password", password),
				ip);
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private void failTenTimes(String login) throws Exception {
		for (int i = 0; i < properties.getThrottle().getAccountMaxFailures(); i++) {
			assertThat(apiLogin(login, "wrong-password-" + i, newIp()).getResponse().getStatus()).isEqualTo(401);
		}
	}

	private static JsonNode json(MvcResult result) throws Exception {
		return JSON.readTree(result.getResponse().getContentAsString());
	}

	@Test
	void apiFailuresCountAgainstTheClientsAddressAndNobodyElses() throws Exception {
		String attacker = newIp();
		for (int i = 0; i < properties.getThrottle().getIpMaxDistinctLogins(); i++) {
			assertThat(apiLogin(uniqueEmail(), PASSWORD, attacker).getResponse().getStatus()).isEqualTo(401);
		}
		String email = uniqueEmail();
		newUser(email, null);
		assertThat(apiLogin(email, PASSWORD, attacker).getResponse().getStatus()).as("the attacker's address")
			.isEqualTo(401);
		assertThat(formLogin(email, PASSWORD, attacker)).as("the form counts the same address")
			.isEqualTo("/login/?throttled=");
		assertThat(apiLogin(email, PASSWORD, newIp()).getResponse().getStatus()).as("any other client")
			.isEqualTo(200);
	}

	@Test
	void apiLoginsAreAuditedWithTheClientsAddressLikeFormLogins() throws Exception {
		String email = uniqueEmail();
		long id = newUser(email, null);
		String ip = newIp();
		apiLogin(email, "wrong-password", ip);
		assertThat(apiLogin(email, PASSWORD, ip).getResponse().getStatus()).isEqualTo(200);

		List<AuditEntry> entries = auditLog.aboutUser(id, null, 10);
		assertThat(entries).extracting(AuditEntry::eventType).containsExactly("LOGIN_SUCCESS", "LOGIN_FAILURE");
		assertThat(entries).extracting(AuditEntry::ip).containsOnly(ip);
		assertThat(users.findById(id).orElseThrow().currentLoginIp()).isEqualTo(ip);
	}

	@Test
	void anAccountLockedThroughTheApiIsLockedUnderEverySpellingOnEveryPath() throws Exception {
		String email = uniqueEmail();
		String username = "u" + UUID.randomUUID().toString().substring(0, 8);
		newUser(email, username);
		failTenTimes(" " + email.toUpperCase() + "\u2003");

		assertThat(apiLogin(email, PASSWORD, newIp()).getResponse().getStatus()).isEqualTo(401);
		assertThat(apiLogin("username", username.toUpperCase(), PASSWORD, newIp()).getResponse().getStatus())
			.as("the username finds the same account, so the same lock").isEqualTo(401);
		assertThat(formLogin(username, PASSWORD, newIp())).isEqualTo("/login/?throttled=");
		MvcResult controlCharacter = apiLogin("\u0001" + email, PASSWORD, newIp());
		assertThat(controlCharacter.getResponse().getStatus()).as("the pen test's bypass").isEqualTo(400);
	}

	@Test
	void controlCharactersInAnApiLoginAreAProblemJson400() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		for (String login : List.of("\u0001" + email, email + "\u0000", "\t" + email, email.replace("@", "\u007F@"),
				email + "\u0085")) {
			MvcResult result = apiLogin(login, PASSWORD, newIp());
			assertThat(result.getResponse().getStatus()).as(login).isEqualTo(400);
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
			JsonNode error = json(result).path("errors").get(0);
			assertThat(error.path("field").asString()).isEqualTo("email");
			assertThat(error.path("message").asString())
				.isEqualTo("An email address or username cannot contain control characters.");
		}
		MvcResult username = apiLogin("username", "erin\u001b", PASSWORD, newIp());
		assertThat(json(username).path("errors").get(0).path("field").asString()).isEqualTo("username");
	}

	@Test
	void apiLoginFromABrowserWithCookiesNeedsTheCsrfHeaderAndTheSameSite() throws Exception {
		String email = uniqueEmail();
		newUser(email, null);
		Cookie session = new Cookie(SessionCookies.name(properties), "some-session");
		String body = JSON.writeValueAsString(Map.of("email", email, "password", PASSWORD));

		MvcResult noHeader = perform(post("/api/login").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.content(body), newIp());
		assertThat(noHeader.getResponse().getStatus()).isEqualTo(403);
		assertThat(json(noHeader).path("detail").asString()).isEqualTo("CSRF token missing");

		MvcResult crossSite = perform(post("/api/login").cookie(session).contentType(MediaType.APPLICATION_JSON)
			.header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site").content(body), newIp());
		assertThat(crossSite.getResponse().getStatus()).isEqualTo(403);

		MvcResult simpleForm = perform(post("/api/login").contentType(MediaType.TEXT_PLAIN).content(body), newIp());
		assertThat(simpleForm.getResponse().getStatus()).as("a cross-site form can only send text/plain")
			.isEqualTo(415);
		assertThat(simpleForm.getResponse().getCookie(SessionCookies.name(properties))).isNull();
	}
}
