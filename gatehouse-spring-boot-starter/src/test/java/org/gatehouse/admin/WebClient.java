package org.gatehouse.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A cookie-keeping MockMvc client, as account/Browser (package-private there) for the admin
 * and audit tests, with helpers to make unique users.
 */
public final class WebClient {

	public static final String PASSWORD = "plum-orbit-lantern-42";
	public static final String SESSION_COOKIE = "gatehouse_session";
	public static final String REMEMBER_COOKIE = "gatehouse_remember";

	private final MockMvc mvc;
	private final Map<String, Cookie> jar = new LinkedHashMap<>();

	private final String remoteAddr;

	public WebClient(MockMvc mvc) {
		this(mvc, "127.0.0.1");
	}

	/** A client at its own address, for tests that count failures per address. */
	public WebClient(MockMvc mvc, String remoteAddr) {
		this.mvc = mvc;
		this.remoteAddr = remoteAddr;
	}

	public static String uniqueEmail() {
		return "a" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** A confirmed, active user with {@link #PASSWORD}. */
	public static long createUser(UserStore users, PasswordService passwords, String email, String... roles) {
		long id = users.create(email, null, passwords.hashNew(PASSWORD), true);
		for (String role : roles) {
			users.addRole(id, role);
		}
		return id;
	}

	/** A new confirmed user with these roles, logged in. */
	public static WebClient loggedIn(MockMvc mvc, UserStore users, PasswordService passwords, String... roles)
			throws Exception {
		String email = uniqueEmail();
		createUser(users, passwords, email, roles);
		WebClient client = new WebClient(mvc);
		client.login(email, PASSWORD);
		return client;
	}

	public MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!jar.isEmpty()) {
			request.cookie(jar.values().toArray(Cookie[]::new));
		}
		request.with(r -> {
			r.setRemoteAddr(remoteAddr);
			return r;
		});
		MvcResult result = mvc.perform(request.header("User-Agent", "WebClient/1.0")).andReturn();
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

	public int status(MockHttpServletRequestBuilder request) throws Exception {
		return perform(request).getResponse().getStatus();
	}

	public boolean isLoggedIn() throws Exception {
		return perform(get("/account/settings/sessions/")).getResponse().getStatus() == 200;
	}

	public String cookie(String name) {
		Cookie cookie = jar.get(name);
		return cookie == null ? null : cookie.getValue();
	}

	public void setCookie(String name, String value) {
		jar.put(name, new Cookie(name, value));
	}
}
