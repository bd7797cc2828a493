package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.gatehouse.account.AccountPrincipal;
import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.testapp.FormClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * The same checks on every session store: what a real login leaves in the store is allow-listed JSON that reads back,
 * and a value someone with write access to the store forges is never instantiated and ends the session.
 */
final class SessionStorageChecks {

	static final String PASSWORD = "ember-quarry-saffron-63";
	static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;
	static final String PAGE = "/account/settings/sessions/";
	/** A gadget-like class named where the store expects a value, at the top and inside a security context. */
	static final String FORGED_GADGET = "{\"@class\":\"org.gatehouse.session.GadgetProbe\",\"command\":\"touch /tmp/x\"}";
	static final String FORGED_NESTED_GADGET = "{\"@class\":\"org.springframework.security.core.context.SecurityContextImpl\","
			+ "\"authentication\":" + FORGED_GADGET + "}";

	private final String baseUrl;
	private final StoredSessions store;
	private final SessionAttributeCodec codec;
	private final UserStore users;
	private final PasswordService passwords;

	SessionStorageChecks(String baseUrl, StoredSessions store, SessionAttributeCodec codec, UserStore users,
			PasswordService passwords) {
		this.baseUrl = baseUrl;
		this.store = store;
		this.codec = codec;
		this.users = users;
		this.passwords = passwords;
	}

	/** A browser signed in through the login page as an administrator. */
	record Login(FormClient browser, String sessionId, long userId) {
	}

	Login loggedInAdmin() {
		String email = "store-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long id = users.create(email, null, passwords.hashNew(PASSWORD), true);
		users.addRole(id, "admin");
		FormClient browser = new FormClient();
		assertThat(browser.login(baseUrl, email, PASSWORD).statusCode()).isEqualTo(302);
		return new Login(browser, sessionId(browser), id);
	}

	/** Every kind of value Gatehouse puts in a session: login, activity marks, admin re-authentication, a form's CSRF token. */
	void assertEveryAttributeOfARealSessionIsAllowListedJson() {
		Login login = loggedInAdmin();
		assertThat(get(login, "/api/me").statusCode()).isEqualTo(200);
		HttpResponse<String> reauthenticated = post(login, "/api/admin/reauthenticate",
				"{\"password\":\"" + PASSWORD + "\"}");
		assertThat(reauthenticated.statusCode()).as(reauthenticated.body()).isEqualTo(200);
		assertThat(get(login, PAGE).statusCode()).isEqualTo(200);

		String rotated = sessionId(login.browser());
		assertThat(rotated).as("re-authentication gives the session a new id").isNotEqualTo(login.sessionId());
		Map<String, byte[]> stored = store.attributes(rotated);
		assertThat(stored).containsKeys(CONTEXT, SessionActivityFilter.LAST_WRITE, SessionActivityFilter.WRITTEN_FOR,
				"gatehouse.admin.reauthenticated-at");
		JsonMapper plain = JsonMapper.builder().build();
		stored.forEach((name, bytes) -> {
			assertThat(bytes[0]).as(name + " is not Java-serialised").isNotEqualTo((byte) 0xAC);
			plain.readTree(bytes); // well-formed JSON
			assertThat(codec.read(bytes)).as(name + " reads back").isNotSameAs(SessionAttributeCodec.UNREADABLE)
				.isNotNull();
		});
		SecurityContext context = (SecurityContext) codec.read(stored.get(CONTEXT));
		AccountPrincipal principal = (AccountPrincipal) context.getAuthentication().getPrincipal();
		assertThat(principal.id()).isEqualTo(login.userId());
		assertThat(principal.roles()).contains("admin");
		assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).contains("ROLE_admin");
		assertThat(codec.read(stored.get("gatehouse.admin.reauthenticated-at"))).isInstanceOf(Long.class);
		// and the store's round trip is what the next request sees
		assertThat(get(login, PAGE).statusCode()).isEqualTo(200);
		assertThat(get(login, "/api/me").body()).contains("\"id\":" + login.userId());
	}

	/** A forged value: the class is never instantiated, the API answers 401 (again at the next request). */
	void assertForgedValueEndsTheSession(String attribute, byte[] forged) {
		Login login = loggedInAdmin();
		assertThat(get(login, "/api/me").statusCode()).isEqualTo(200);
		store.put(login.sessionId(), attribute, forged);
		int before = GadgetProbe.INSTANTIATED.get();

		HttpResponse<String> me = get(login, "/api/me");
		assertThat(me.statusCode()).as(me.body()).isEqualTo(401);
		assertThat(me.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(get(login, "/api/me").statusCode()).as("still absent").isEqualTo(401);
		assertThat(GadgetProbe.INSTANTIATED.get()).as("gadget instantiated").isEqualTo(before);
	}

	/** The same through a page: the login page, not an error. */
	void assertForgedValueSendsPagesToLogin(String attribute, byte[] forged) {
		Login login = loggedInAdmin();
		store.put(login.sessionId(), attribute, forged);
		HttpResponse<String> page = get(login, PAGE);
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).get().asString().contains("/login/");
	}

	static byte[] json(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] javaSerialised(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	HttpResponse<String> get(Login login, String path) {
		return send(login, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
	}

	HttpResponse<String> post(Login login, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		cookie(login.browser(), "csrftoken").ifPresent(token -> request.header("X-CSRFToken", token));
		return send(login, request);
	}

	private static HttpResponse<String> send(Login login, HttpRequest.Builder request) {
		HttpClient http = HttpClient.newBuilder().cookieHandler(login.browser().cookies())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The session id inside the signed cookie value (id.signature). */
	static String sessionId(FormClient browser) {
		String signed = cookie(browser, "gatehouse_session").orElseThrow();
		return signed.substring(0, signed.lastIndexOf('.'));
	}

	private static java.util.Optional<String> cookie(FormClient browser, String name) {
		return browser.cookies().getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue).findFirst();
	}
}
