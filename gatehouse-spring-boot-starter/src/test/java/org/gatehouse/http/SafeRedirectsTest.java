package org.gatehouse.http;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SafeRedirectsTest {

	private static final SafeRedirects REDIRECTS = new SafeRedirects(allowed("localhost", "auth.example.org"));

	@ParameterizedTest
	@ValueSource(strings = { "//evil.com", "/\\evil.com", "\\\\evil.com", "\\/evil.com", "https:evil.com",
			"http:evil.com", "http:/evil.com", "http://ok@evil.com", "http://localhost@evil.com",
			"http://localhost:80@evil.com", "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
			"data:text/html,<script>alert(1)</script>", "\u0000/evil", "/\t/evil.com", "/\n/evil.com", "\t//evil.com",
			"\u0008//evil.com", "/\u200b/evil.com", "http://localhost.evil.com", "http://evil.com/localhost",
			"///evil.com", "////evil.com", "http:///evil.com", "https://evil.com", "//evil.com:80@localhost",
			"http://[::1]/", "http://localhost\\@evil.com", "ftp://localhost/", "   ", "", "localhost:8080/x",
			"https://auth.example.org:443\\@evil.com" })
	void rejectsHostile(String next) {
		assertThat(REDIRECTS.isSafe(next, false)).as(next).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/home", "/account?x=1", "/account/#top", "account", "?page=2", "%2F%2Fevil.com",
			"/%2F/evil.com", "http://localhost/next", "https://localhost/next", "HTTPS://AUTH.EXAMPLE.ORG/x",
			"//auth.example.org/x", "http://localhost:8080/next", " /home " })
	void acceptsSafe(String next) {
		assertThat(REDIRECTS.isSafe(next, false)).as(next).isTrue();
	}

	@Test
	void nullIsNotSafe() {
		assertThat(REDIRECTS.isSafe(null, false)).isFalse();
	}

	@Test
	void secureRequestsOnlyRedirectToHttps() {
		assertThat(REDIRECTS.isSafe("http://localhost/next", true)).isFalse();
		assertThat(REDIRECTS.isSafe("//localhost/next", true)).isFalse();
		assertThat(REDIRECTS.isSafe("https://localhost/next", true)).isTrue();
		assertThat(REDIRECTS.isSafe("/next", true)).isTrue();
	}

	@Test
	void safeTargetFallsBackForUnsafeTargets() {
		MockHttpServletRequest request = new MockHttpServletRequest();

		assertThat(REDIRECTS.safeTarget(" /account ", request, "/")).isEqualTo("/account");
		assertThat(REDIRECTS.safeTarget("//evil.com", request, "/")).isEqualTo("/");
		assertThat(REDIRECTS.safeTarget(null, request, "/")).isEqualTo("/");

		request.setSecure(true);
		assertThat(REDIRECTS.safeTarget("http://localhost/", request, "/")).isEqualTo("/");
	}

	private static AllowedHosts allowed(String... hosts) {
		HttpProperties properties = new HttpProperties();
		properties.setAllowedHosts(List.of(hosts));
		return new AllowedHosts(properties);
	}
}
