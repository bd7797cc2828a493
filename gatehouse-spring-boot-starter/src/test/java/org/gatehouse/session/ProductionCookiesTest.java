package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.gatehouse.password.PasswordService;
import org.gatehouse.account.UserStore;
import org.gatehouse.http.testapp.RawHttp;
import org.gatehouse.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Production behind a TLS-terminating proxy, over real HTTP: every cookie Gatehouse sets is
 * "__Host-" prefixed, Secure, Path=/ and without Domain (a sibling subdomain or a plain-HTTP page
 * can neither set nor shadow it), with SameSite chosen per cookie; and those names are the ones
 * read back.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "gatehouse.mode=production", "gatehouse.secret-key=pU1aLf3lXNsVB-kiJksYKmmlpOuRAAku7k93UFqO16w",
				"gatehouse.http.allowed-hosts=auth.example.org", "gatehouse.http.proxies=1",
				"gatehouse.mail.link-base-url=https://auth.example.org",
				"spring.datasource.url=jdbc:h2:mem:gatehouse-production-cookies;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"gatehouse.passwords.rounds.pbkdf2_sha512=1000", "spring.mail.host=127.0.0.1",
				"gatehouse.data-directory=target/production-cookies-data" })
class ProductionCookiesTest {

	static final String PASSWORD = "plum-orbit-lantern-42";
	/** What the TLS-terminating proxy in front sends. */
	static final String[] PROXY = { "Host: auth.example.org", "X-Forwarded-For: 203.0.113.7", "X-Forwarded-Proto: https" };

	@LocalServerPort
	int port;

	@Autowired
	UserStore users;

	@Autowired
	PasswordService passwords;

	private RawHttp.Response login(String email) throws IOException {
		byte[] body = ("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"remember\":true}")
			.getBytes(StandardCharsets.UTF_8);
		return RawHttp.send(port, "POST /api/login HTTP/1.1\n" + String.join("\n", PROXY)
				+ "\nContent-Type: application/json\nContent-Length: " + body.length + "\nConnection: close\n", body);
	}

	private RawHttp.Response get(String path, String cookies) throws IOException {
		return RawHttp.get(port, path, PROXY[0], PROXY[1], PROXY[2], "Cookie: " + cookies);
	}

	private static String cookie(RawHttp.Response response, String name) {
		List<String> matching = response.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
		assertThat(matching).as("Set-Cookie " + name + " in " + response.headers("Set-Cookie")).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	private static String value(String setCookie) {
		return setCookie.substring(0, setCookie.indexOf(';'));
	}

	@Test
	void everyCookieIsHostPrefixedSecureAndSameSite() throws IOException {
		String email = "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		users.create(email, null, passwords.hashNew(PASSWORD), true);
		RawHttp.Response login = login(email);
		assertThat(login.status()).as(login.body()).isEqualTo(200);

		String session = cookie(login, "__Host-gatehouse_session");
		String remember = cookie(login, "__Host-gatehouse_remember");
		String csrf = cookie(login, "__Host-csrftoken");
		for (String setCookie : login.headers("Set-Cookie")) {
			assertThat(setCookie).startsWith("__Host-").contains("; Secure", "; Path=/").doesNotContainIgnoringCase(
					"Domain=");
		}
		assertThat(session).contains("; HttpOnly", "; SameSite=Lax");
		assertThat(remember).contains("; HttpOnly", "; SameSite=Lax");
		assertThat(csrf).contains("; SameSite=Strict").doesNotContain("HttpOnly");

		assertThat(get("/api/me", value(session)).status()).as("the session cookie is read by its name")
			.isEqualTo(200);
		RawHttp.Response remembered = get("/api/me", value(remember));
		assertThat(remembered.status()).as("the remember-me cookie alone logs in").isEqualTo(200);
		assertThat(cookie(remembered, "__Host-gatehouse_remember")).as("the rotated cookie")
			.contains("; Secure", "; Path=/", "; HttpOnly", "; SameSite=Lax").doesNotContainIgnoringCase("Domain=");
		assertThat(cookie(remembered, "__Host-csrftoken")).as("a token for the new session")
			.contains("; Secure", "; Path=/", "; SameSite=Strict");
	}
}
