package org.gatehouse.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;

import java.time.Duration;
import java.time.Instant;

import org.gatehouse.cache.NearCaches;
import org.gatehouse.session.SessionIdHash;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.gatehouse.password.PasswordService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Idle and absolute session timeouts, the session aged in its store (JDBC, the default) as if that
 * much time had passed. A remember-me cookie may start a new session after the absolute limit, but
 * only as a new login: a new session with its own creation time and a login entry in the security log.
 */
@GatehouseIntegrationTest
class SessionLifetimeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	GatehouseProperties properties;

	@Autowired
	NearCaches nearCaches;

	private record Login(long userId, Browser browser) {
	}

	private Login loggedIn(boolean remembered) throws Exception {
		String email = uniqueEmail();
		long id = AccountTestUsers.create(users, passwords, email, null);
		Browser browser = new Browser(mvc);
		if (remembered) {
			browser.loginRemembered(email, PASSWORD);
		}
		else {
			browser.login(email, PASSWORD);
		}
		assertThat(browser.isLoggedIn()).isTrue();
		return new Login(id, browser);
	}

	/** Moves the session's creation or last access back by {@code by}. */
	private void age(Browser browser, String column, Duration by) {
		int updated = jdbc.sql("update spring_session set " + column + " = " + column + " - ?, expiry_time = expiry_time - ? "
				+ "where session_id = ?").params(by.toMillis(), by.toMillis(), browser.sessionId()).update();
		assertThat(updated).isEqualTo(1);
		// written behind Gatehouse's back: no invalidation reaches the near cache, which would serve its copy
		nearCaches.cache(NearCaches.SESSIONS).invalidate(SessionIdHash.of(browser.sessionId()));
	}

	private long rememberMeLogins(long userId) {
		return jdbc.sql("select count(*) from gh_audit_log where event_type = 'LOGIN_SUCCESS' and details = 'remember-me' "
				+ "and subject_user_id = ?").param(userId).query(Long.class).single();
	}

	@Test
	void aSessionIdleForLongerThanTheIdleTimeoutEnds() throws Exception {
		Browser browser = loggedIn(false).browser();
		age(browser, "last_access_time", properties.getSession().getIdleTimeout().plusMinutes(1));
		assertThat(browser.isLoggedIn()).isFalse();
	}

	@Test
	void anActiveSessionEndsAtItsAbsoluteLimit() throws Exception {
		Browser browser = loggedIn(false).browser();
		age(browser, "creation_time", properties.getSession().getAbsoluteTimeout().plusMinutes(1));
		assertThat(browser.isLoggedIn()).as("used a moment ago, but created beyond the absolute limit").isFalse();
	}

	@Test
	void rememberMeGoesOnPastTheAbsoluteLimitOnlyWithANewSessionAndANewLoginRecord() throws Exception {
		Login login = loggedIn(true);
		Browser browser = login.browser();
		long userId = login.userId();
		String expired = browser.sessionId();
		long loginsBefore = rememberMeLogins(userId);
		age(browser, "creation_time", properties.getSession().getAbsoluteTimeout().plusMinutes(1));

		assertThat(browser.isLoggedIn()).as("logged in again by the remember-me cookie").isTrue();
		assertThat(browser.sessionId()).isNotEqualTo(expired);
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(expired).query(Long.class)
			.single()).as("the expired session").isZero();
		long created = jdbc.sql("select creation_time from spring_session where session_id = ?")
			.param(browser.sessionId()).query(Long.class).single();
		assertThat(Instant.ofEpochMilli(created)).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
		assertThat(rememberMeLogins(userId)).as("a login entry in the security log").isEqualTo(loginsBefore + 1);
	}
}
