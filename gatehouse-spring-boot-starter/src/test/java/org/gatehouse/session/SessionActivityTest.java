package org.gatehouse.session;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockFilterChain;
import org.gatehouse.account.AccountPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import java.time.Duration;
import java.time.Clock;
import java.util.Set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.GatehouseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@GatehouseIntegrationTest
class SessionActivityTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	@Autowired
	SessionActivityStore activity;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsBrowserSystemAndAddressOfALoggedInSessionWithoutTheSessionId() throws Exception {
		long id = newUser();
		Cookie session = login(id);

		mvc.perform(as(get("/"), session));

		List<SessionActivity> rows = activity.findByUser(id);
		assertThat(rows).hasSize(1);
		SessionActivity row = rows.get(0);
		assertThat(row.browser()).isEqualTo("Firefox");
		assertThat(row.browserVersion()).startsWith("133");
		assertThat(row.os()).startsWith("Windows");
		assertThat(row.device()).isEqualTo("Desktop");
		assertThat(row.ip()).isEqualTo("203.0.113.5");
		String sessionId = sessionIdOf(id);
		assertThat(row.sessionHash()).isEqualTo(SessionIdHash.of(sessionId)).isNotEqualTo(sessionId);
		assertThat(jdbc.sql("select count(*) from gh_session_activity where session_hash = ?").param(sessionId)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void theLoginRequestItselfRecordsBrowserSystemAndAddress() throws Exception {
		long id = newUser();
		login(id);

		List<SessionActivity> rows = activity.findByUser(id);
		assertThat(rows).as("recorded by the login request, before any other").hasSize(1);
		assertThat(rows.get(0).browser()).isEqualTo("Firefox");
		assertThat(rows.get(0).os()).startsWith("Windows");
		assertThat(rows.get(0).ip()).isEqualTo("203.0.113.5");
		assertThat(rows.get(0).sessionHash()).isEqualTo(SessionIdHash.of(sessionIdOf(id)));
	}

	@Test
	void lastSeenIsWrittenAtMostOncePerIntervalNotOnEveryRequest() throws Exception {
		long id = newUser();
		Cookie session = login(id);
		mvc.perform(as(get("/"), session));
		SessionActivity first = activity.findByUser(id).get(0);

		for (int i = 0; i < 5; i++) {
			mvc.perform(as(get("/"), session).with(r -> {
				r.setRemoteAddr("198.51.100.99");
				return r;
			}));
		}

		SessionActivity later = activity.findByUser(id).get(0);
		assertThat(later.lastSeenAt()).isEqualTo(first.lastSeenAt());
		assertThat(later.ip()).as("not rewritten within the interval").isEqualTo("203.0.113.5");
	}

	@Test
	void revokedSessionLosesItsActivityRecord() throws Exception {
		long id = newUser();
		Cookie session = login(id);
		mvc.perform(as(get("/"), session));
		assertThat(activity.findByUser(id)).hasSize(1);

		assertThat(revokeAll(id)).isEqualTo(1);

		assertThat(activity.findByUser(id)).isEmpty();
		int status = mvc.perform(as(get("/account/settings/sessions/"), session)).andReturn().getResponse().getStatus();
		assertThat(status).as("revoked session is anonymous: sent to login").isEqualTo(302);
	}

	@Autowired
	ClientDescriptions userAgents;

	@Autowired
	CountryLookup geoIp;

	@Test
	void aNewSessionIdMovesTheRecordAtOnceWithinTheInterval() throws Exception {
		long id = newUser();
		SessionActivityFilter filter = new SessionActivityFilter(activity, userAgents, geoIp,
				Duration.ofMinutes(1), Clock.systemUTC());
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession(null, "first-" + UUID.randomUUID()));
		var principal = new AccountPrincipal(id, "x@example.org", null, Set.of());
		SecurityContextHolder.getContext().setAuthentication(
				new UsernamePasswordAuthenticationToken(principal, null, List.of()));
		try {
			filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
			String before = request.getSession().getId();
			request.changeSessionId();
			filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

			assertThat(activity.findByUser(id)).extracting(SessionActivity::sessionHash)
				.containsExactly(SessionIdHash.of(request.getSession().getId()))
				.doesNotContain(SessionIdHash.of(before));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Autowired
	UserSessions userSessions;

	private int revokeAll(long id) {
		return userSessions.revokeAll(id);
	}

	private String sessionIdOf(long id) {
		return jdbc.sql("select session_id from spring_session where principal_name = ?").param(Long.toString(id))
			.query(String.class).single().trim();
	}

	private long newUser() {
		String email = "a" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		return users.create(email, null, passwords.hashNew(PASSWORD), true);
	}

	private Cookie login(long id) throws Exception {
		String email = users.findById(id).orElseThrow().email();
		Cookie cookie = mvc.perform(post("/login/").with(csrf()).param("login", email).param("password", PASSWORD)
			.header("User-Agent", FIREFOX).with(r -> {
				r.setRemoteAddr("203.0.113.5");
				return r;
			})).andReturn().getResponse().getCookie("gatehouse_session");
		assertThat(cookie).isNotNull();
		return new Cookie(cookie.getName(), cookie.getValue());
	}

	private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, Cookie session) {
		return request.cookie(session).header("User-Agent", FIREFOX).with(r -> {
			if ("127.0.0.1".equals(r.getRemoteAddr())) {
				r.setRemoteAddr("203.0.113.5");
			}
			return r;
		});
	}
}
