package org.gatehouse.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser for MockMvc: keeps the cookies it is given (the session lives in a cookie, as
 * Spring Session serves it), forgets the ones the server deletes, and has an IP address.
 */
public final class Browser {

	public static final String SESSION_COOKIE = "gatehouse_session";
	public static final String REMEMBER_COOKIE = "gatehouse_remember";
	public static final String API_CSRF_COOKIE = "csrftoken";
	public static final String API_CSRF_HEADER = "X-CSRFToken";

	private final MockMvc mvc;
	private final Map<String, Cookie> jar = new LinkedHashMap<>();
	private String remoteAddr = "127.0.0.1";

	public Browser(MockMvc mvc) {
		this.mvc = mvc;
	}

	public Browser from(String ip) {
		this.remoteAddr = ip;
		return this;
	}

	public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!jar.isEmpty()) {
			request.cookie(jar.values().toArray(Cookie[]::new));
		}
		String ip = remoteAddr;
		request.with(r -> {
			r.setRemoteAddr(ip);
			return r;
		});
		MvcResult result = mvc.perform(request).andReturn();
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0 || cookie.getValue() == null || cookie.getValue().isEmpty()) {
				jar.remove(cookie.getName());
			}
			else {
				jar.put(cookie.getName(), new Cookie(cookie.getName(), cookie.getValue()));
			}
		}
		return result;
	}

	public MvcResult login(String login, String password) throws Exception {
		return perform(post("/login/").with(csrf()).param("login", login).param("password", password));
	}

	public MvcResult loginRemembered(String login, String password) throws Exception {
		return perform(post("/login/").with(csrf()).param("login", login).param("password", password)
			.param("remember", "true"));
	}

	/**
	 * Adds the REST CSRF header to an unsafe /api/** request, as the application's scripts do: the
	 * csrftoken cookie, fetched from /api/csrf for this browser's current session. Never use
	 * {@code .with(csrf())} on /api/**: Spring Security's post-processor then swaps the API chain's
	 * RestCsrfTokenRepository for a session repository with another header name, in the context every
	 * later test class shares (testapp.SharedSecurityFiltersGuard fails the test that does it).
	 */
	public MockHttpServletRequestBuilder withApiCsrf(MockHttpServletRequestBuilder request) throws Exception {
		perform(get("/api/csrf"));
		String token = cookie(API_CSRF_COOKIE);
		if (token == null) {
			throw new AssertionError("GET /api/csrf set no " + API_CSRF_COOKIE + " cookie");
		}
		return request.header(API_CSRF_HEADER, token);
	}

	/** True when a protected page answers instead of sending to the login page. */
	public boolean isLoggedIn() throws Exception {
		int status = perform(get("/account/settings/sessions/")).getResponse().getStatus();
		if (status != 200 && status != 302) {
			throw new AssertionError("Unexpected status " + status + " for the sessions page");
		}
		return status == 200;
	}

	public String cookie(String name) {
		Cookie cookie = jar.get(name);
		return cookie == null ? null : cookie.getValue();
	}

	/** The session id the (signed) session cookie names, or null without one. */
	public String sessionId() {
		String signed = cookie(SESSION_COOKIE);
		return signed == null ? null : signed.substring(0, signed.lastIndexOf('.'));
	}

	public void setCookie(String name, String value) {
		jar.put(name, new Cookie(name, value));
	}
}
