package org.gatehouse.csrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.account.AccountTestUsers.PASSWORD;
import static org.gatehouse.account.AccountTestUsers.uniqueEmail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.account.AccountTestUsers;
import org.gatehouse.account.UserStore;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page forms' CSRF token for a visitor without a session (issue 18 item 4): a signed cookie instead of a session,
 * so that showing the login page stores nothing, while the login POST still needs the token of this browser's page.
 * Over real HTTP: MockMvc's csrf() post-processor, which other test classes use, swaps the page chain's token
 * repository for a session one in the shared MockMvc context.
 */
@GatehouseServerTest
class FormCsrfTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
	private static final String SESSION_COOKIE = "gatehouse_session";
	private static final String FORM_CSRF_COOKIE = "gatehouse_session_csrf";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	/** A browser's cookie jar, by hand: the tests send other visitors' cookies and none at all. */
	private final class Visitor {

		final Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> last;

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(uri(path)).GET());
		}

		String loginPageToken() {
			Matcher token = CSRF.matcher(get("/login/").body());
			assertThat(token.find()).as("a _csrf field on the login page").isTrue();
			return token.group(1);
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			String body = String.join("&", fields.entrySet().stream()
				.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.toList());
			return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		HttpResponse<String> login(String email, String token) {
			return post("/login/", Map.of("login", email, "password", PASSWORD, "_csrf", token));
		}

		boolean loggedIn() {
			return get("/account/settings/sessions/").statusCode() == 200;
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			if (!cookies.isEmpty()) {
				request.header("Cookie", String.join("; ", cookies.entrySet().stream()
					.map(e -> e.getKey() + "=" + e.getValue()).toList()));
			}
			try {
				last = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
			for (String header : last.headers().allValues("Set-Cookie")) {
				String[] pair = header.split(";", 2)[0].split("=", 2);
				if (pair[1].isEmpty() || header.contains("Max-Age=0")) {
					cookies.remove(pair[0]);
				}
				else {
					cookies.put(pair[0], pair[1]);
				}
			}
			return last;
		}
	}

	/** The form field for a token as Spring Security's XorCsrfTokenRequestAttributeHandler writes it, with a zero mask. */
	private static String masked(String token) {
		byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
		byte[] field = new byte[bytes.length * 2];
		System.arraycopy(bytes, 0, field, bytes.length, bytes.length);
		return Base64.getUrlEncoder().encodeToString(field);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	@Test
	void theLoginPageOfAVisitorWithoutSessionStoresNoSession() {
		long before = sessionRows();
		Visitor visitor = new Visitor();
		visitor.loginPageToken();

		assertThat(visitor.cookies).as("no session cookie").doesNotContainKey(SESSION_COOKIE);
		assertThat(sessionRows()).as("no session row").isEqualTo(before);
		String setCookie = visitor.last.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(setCookie).startsWith(FORM_CSRF_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Path=/");
		String cookie = visitor.cookies.get(FORM_CSRF_COOKIE);

		visitor.loginPageToken();
		assertThat(visitor.last.headers().allValues("Set-Cookie")).as("the cookie is kept, not renewed").isEmpty();
		assertThat(visitor.cookies.get(FORM_CSRF_COOKIE)).isEqualTo(cookie);
		assertThat(sessionRows()).isEqualTo(before);
	}

	@Test
	void aLoginWithThePagesTokenLogsInInANewSessionAndDropsTheCookie() {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Visitor visitor = new Visitor();

		HttpResponse<String> answer = visitor.login(email, visitor.loginPageToken());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(visitor.cookies).containsKey(SESSION_COOKIE).doesNotContainKey(FORM_CSRF_COOKIE);
		assertThat(visitor.loggedIn()).isTrue();
		// the session's forms carry the session's token now, and a form post needs it
		String sessionToken = visitor.loginPageToken();
		assertThat(visitor.cookies).doesNotContainKey(FORM_CSRF_COOKIE);
		assertThat(visitor.post("/logout/", Map.of("_csrf", sessionToken)).statusCode()).isEqualTo(302);
		assertThat(visitor.loggedIn()).isFalse();
	}

	@Test
	void aLoginWithoutTheCookieOrWithAnotherVisitorsTokenIsRefused() {
		String email = uniqueEmail();
		AccountTestUsers.create(users, passwords, email, null);
		Visitor victim = new Visitor();
		String victimsToken = victim.loginPageToken();
		Visitor attacker = new Visitor();
		String attackersToken = attacker.loginPageToken();

		assertThat(new Visitor().login(email, victimsToken).statusCode()).as("no cookie").isEqualTo(403);
		assertThat(victim.login(email, attackersToken).statusCode()).as("another visitor's token").isEqualTo(403);
		assertThat(victim.loggedIn()).isFalse();
		Visitor forged = new Visitor();
		forged.cookies.put(FORM_CSRF_COOKIE, "forged-nonce");
		assertThat(forged.login(email, masked("forged-nonce")).statusCode()).as("a cookie the server did not sign")
			.isEqualTo(403);
		assertThat(users.findByEmail(email).orElseThrow().loginCount()).isZero();

		// the same field built from a cookie the server signed passes: the forged one failed on its signature alone
		Visitor signed = new Visitor();
		signed.loginPageToken();
		assertThat(signed.login(email, masked(signed.cookies.get(FORM_CSRF_COOKIE))).statusCode()).isEqualTo(302);
		assertThat(signed.loggedIn()).isTrue();
	}
}
