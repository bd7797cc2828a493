package org.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.testapp.TestMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Throttling through the real pages; every test has its own users and client addresses. The
 * per-address limits are read from the context, which raises them (see GatehouseIntegrationTest).
 */
@GatehouseIntegrationTest
class ThrottleFlowTest {

	private static final String PASSWORD = "plum-orbit-lantern-42";
	private static final AtomicInteger NEXT_IP = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	GatehouseProperties properties;

	private int limit(String bucket) {
		return properties.getThrottle().getRateLimits().get(bucket).getMax();
	}

	private static String newIp() {
		int n = NEXT_IP.incrementAndGet();
		return "10.77." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	private static String uniqueEmail() {
		return "t" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	private String newUser(boolean confirmed) {
		String email = uniqueEmail();
		users.create(email, null, passwords.hashNew(PASSWORD), confirmed);
		return email;
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, String ip) throws Exception {
		return mvc.perform(request.with(r -> {
			r.setRemoteAddr(ip);
			return r;
		})).andReturn();
	}

	private String login(String login, String password, String ip) throws Exception {
		MvcResult result = perform(post("/login/").with(csrf()).param("login", login).param("password", password), ip);
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result.getResponse().getRedirectedUrl();
	}

	private String page(String url, String ip) throws Exception {
		return perform(get(url), ip).getResponse().getContentAsString()
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
			.replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"");
	}

	private void failTenTimes(String login, String ip) throws Exception {
		for (int i = 0; i < 10; i++) {
			assertThat(login(login, "wrong-password-" + i, ip)).isEqualTo("/login/?error=");
		}
	}

	@Test
	void aBurstOfFailuresLocksTheAccountEvenForTheRightPassword() throws Exception {
		String email = newUser(true);
		String ip = newIp();
		failTenTimes(email, ip);

		String location = login(email, PASSWORD, ip);
		assertThat(location).isEqualTo("/login/?throttled=");
		assertThat(login(email.toUpperCase(), PASSWORD, newIp())).as("from elsewhere too").isEqualTo(location);
		String body = page(location, ip);
		assertThat(body).contains("Too many attempts, try again in a few minutes.")
			.doesNotContain("The email/username or password is not correct.");

		assertThat(login(newUser(true), PASSWORD, ip)).as("other accounts from the same address").isEqualTo("/");
	}

	@Test
	void lockedExistingAndUnknownAccountsAnswerAlike() throws Exception {
		String known = newUser(true);
		String unknown = uniqueEmail();
		failTenTimes(known, newIp());
		failTenTimes(unknown, newIp());

		String ip = newIp();
		String knownLocation = login(known, PASSWORD, ip);
		String unknownLocation = login(unknown, PASSWORD, ip);
		assertThat(knownLocation).isEqualTo(unknownLocation).isEqualTo("/login/?throttled=");
		assertThat(page(knownLocation, ip)).isEqualTo(page(unknownLocation, ip));
	}

	@Test
	void manyDistinctFailingLoginsFromOneAddressLockTheAddress() throws Exception {
		String ip = newIp();
		for (int i = 0; i < properties.getThrottle().getIpMaxDistinctLogins(); i++) {
			assertThat(login(uniqueEmail(), PASSWORD, ip)).isEqualTo("/login/?error=");
		}
		String email = newUser(true);
		assertThat(login(email, PASSWORD, ip)).isEqualTo("/login/?throttled=");
		assertThat(login(email, PASSWORD, newIp())).isEqualTo("/");
	}

	@Test
	void recoveryMailsStopAtThreePerAddress() throws Exception {
		assertThat(limit("reset-email")).isEqualTo(3);
		String email = newUser(true);
		for (int i = 0; i < 3; i++) {
			assertThat(perform(post("/lost-password/").with(csrf()).param("email", email), newIp())
				.getResponse().getStatus()).isEqualTo(200);
		}
		assertThat(TestMail.to(email)).hasSize(3);

		MvcResult limited = perform(post("/lost-password/").with(csrf()).param("email", email.toUpperCase()), newIp());
		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(limited.getResponse().getHeader("Retry-After"))).isBetween(3000L, 3600L);
		assertThat(limited.getResponse().getContentAsString()).contains("Too many requests")
			.contains("try again in 60 minute(s)");
		Thread.sleep(300);
		assertThat(TestMail.to(email)).hasSize(3);
	}

	@Test
	void recoveryRequestsStopPerClientAddress() throws Exception {
		String ip = newIp();
		for (int i = 0; i < limit("reset-ip"); i++) {
			assertThat(perform(post("/lost-password/").with(csrf()).param("email", uniqueEmail()), ip)
				.getResponse().getStatus()).isEqualTo(200);
		}
		String email = newUser(true);
		assertThat(perform(post("/lost-password/").with(csrf()).param("email", email), ip)
			.getResponse().getStatus()).isEqualTo(429);
		Thread.sleep(300);
		assertThat(TestMail.to(email)).isEmpty();
	}

	@Test
	void confirmationMailsStopAtThreePerAddress() throws Exception {
		assertThat(limit("confirm-email")).isEqualTo(3);
		String email = newUser(false);
		String ip = newIp();
		for (int i = 0; i < 3; i++) {
			assertThat(perform(post("/confirm/").with(csrf()).param("email", email), ip).getResponse().getStatus())
				.isEqualTo(200);
		}
		assertThat(TestMail.to(email)).hasSize(3);
		MvcResult limited = perform(post("/confirm/").with(csrf()).param("email", email), ip);
		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();
		Thread.sleep(300);
		assertThat(TestMail.to(email)).hasSize(3);
	}

	@Test
	void registrationsStopPerClientAddress() throws Exception {
		String ip = newIp();
		for (int i = 0; i < limit("register-ip"); i++) {
			String email = uniqueEmail();
			assertThat(perform(register(email), ip).getResponse().getStatus()).isEqualTo(200);
			assertThat(users.findByEmail(email)).isPresent();
		}
		String email = uniqueEmail();
		MvcResult limited = perform(register(email), ip);
		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(limited.getResponse().getContentAsString()).contains("Too many requests");
		assertThat(users.findByEmail(email)).isEmpty();
		Thread.sleep(300);
		assertThat(TestMail.to(email)).isEmpty();
		assertThat(perform(register(email), newIp()).getResponse().getStatus()).isEqualTo(200);
	}

	/** A taken username answers like a new sign-up: such attempts count all the same, or they would enumerate freely. */
	@Test
	void signUpAttemptsWithATakenUsernameStopPerClientAddress() throws Exception {
		String username = "taken" + UUID.randomUUID().toString().substring(0, 8);
		users.create(uniqueEmail(), username, passwords.hashNew(PASSWORD), true);
		String ip = newIp();
		for (int i = 0; i < limit("register-ip"); i++) {
			String email = uniqueEmail();
			assertThat(perform(register(email).param("username", username), ip).getResponse().getStatus())
				.isEqualTo(200);
			assertThat(users.findByEmail(email)).isEmpty();
		}
		String email = uniqueEmail();
		assertThat(perform(register(email), ip).getResponse().getStatus()).as("attempt past the limit").isEqualTo(429);
		assertThat(users.findByEmail(email)).isEmpty();
	}

	/** Pages and API count in one place: the mails to an address someone keeps signing up with stop at three. */
	@Test
	void signUpAttemptsWithOneAddressStopAtThreeWhetherOrNotItIsTaken() throws Exception {
		assertThat(limit("register-email")).isEqualTo(3);
		String email = newUser(true);
		for (int i = 0; i < 3; i++) {
			assertThat(perform(register(i == 1 ? email.toUpperCase() : email), newIp()).getResponse().getStatus())
				.isEqualTo(200);
		}
		assertThat(TestMail.to(email)).hasSize(3);
		MvcResult limited = perform(register(email), newIp());
		assertThat(limited.getResponse().getStatus()).isEqualTo(429);
		assertThat(limited.getResponse().getHeader("Retry-After")).isNotNull();
		MvcResult api = perform(post("/api/register").contentType("application/json")
			.content("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), newIp());
		assertThat(api.getResponse().getStatus()).isEqualTo(429);
		assertThat(api.getResponse().getContentType()).startsWith("application/problem+json");
		// mails go out before the answer (AccountMailer sends synchronously)
		assertThat(TestMail.to(email)).hasSize(3);
	}

	private static MockHttpServletRequestBuilder register(String email) {
		return post("/signup/").with(csrf()).param("email", email).param("password", PASSWORD)
			.param("passwordConfirm", PASSWORD);
	}
}
