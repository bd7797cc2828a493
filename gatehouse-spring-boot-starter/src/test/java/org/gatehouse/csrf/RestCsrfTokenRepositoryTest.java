package org.gatehouse.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Signer;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.csrf.CsrfToken;

class RestCsrfTokenRepositoryTest {

	static GatehouseProperties properties(String secret) {
		GatehouseProperties properties = new GatehouseProperties();
		properties.setSecretKey(secret);
		return properties;
	}

	static RestCsrfTokenRepository repository(GatehouseProperties properties) {
		return new RestCsrfTokenRepository(new Signer(new SecretKeys(properties), "rest-csrf"), properties);
	}

	final GatehouseProperties properties = properties("unit-test-secret-key-0123456789-abcdefghijkl");
	final RestCsrfTokenRepository repository = repository(properties);

	@Test
	void tokenVerifiesOnlyForTheSessionItWasMadeFor() {
		MockHttpServletRequest mine = withSession("session-a");
		CsrfToken token = repository.generateToken(mine);
		assertThat(token.getHeaderName()).isEqualTo("X-CSRFToken");

		mine.setCookies(new Cookie("csrftoken", token.getToken()));
		assertThat(repository.loadToken(mine)).extracting(CsrfToken::getToken).isEqualTo(token.getToken());

		MockHttpServletRequest other = withSession("session-b");
		other.setCookies(new Cookie("csrftoken", token.getToken()));
		assertThat(repository.loadToken(other)).isNull();

		MockHttpServletRequest anonymous = new MockHttpServletRequest();
		anonymous.setCookies(new Cookie("csrftoken", token.getToken()));
		assertThat(repository.loadToken(anonymous)).isNull();
	}

	@Test
	void tamperedOrForeignKeyTokensAreRefused() {
		MockHttpServletRequest request = withSession("session-a");
		String token = repository.generateToken(request).getToken();
		String tampered = (token.charAt(0) == 'x' ? "y" : "x") + token.substring(1);
		String foreign = repository(properties("another-secret-key-0123456789-abcdefghijklmn")).generateToken(request)
			.getToken();
		for (String value : new String[] { tampered, foreign, "garbage", "a.b.c", "" }) {
			request.setCookies(new Cookie("csrftoken", value));
			assertThat(repository.loadToken(request)).as(value).isNull();
		}
	}

	@Test
	void cookieIsReadableByScriptsAndStrict() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		repository.saveToken(repository.generateToken(new MockHttpServletRequest()), new MockHttpServletRequest(),
				response);
		String cookie = response.getHeader("Set-Cookie");
		assertThat(cookie).startsWith("csrftoken=").contains("Path=/", "SameSite=Strict").doesNotContain("HttpOnly",
				"Secure");

		properties.getSession().getCookie().setSecure(true);
		MockHttpServletResponse secure = new MockHttpServletResponse();
		repository(properties).saveToken(repository.generateToken(new MockHttpServletRequest()),
				new MockHttpServletRequest(), secure);
		assertThat(secure.getHeader("Set-Cookie")).startsWith("__Host-csrftoken=").contains("Secure");
	}

	private static MockHttpServletRequest withSession(String id) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(new MockHttpSession(null, id));
		return request;
	}
}
