package org.gatehouse.http;

import java.util.List;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.mail.MailProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ExternalUrlsTest {

	@Test
	void baseUrlOfTheRequest() {
		ExternalUrls urls = urls(null);

		assertThat(urls.baseUrl(request("http", "auth.example.org:8080", 8080))).isEqualTo("http://auth.example.org:8080");
		assertThat(urls.httpsBaseUrl(request("http", "auth.example.org:8080", 8080))).isEqualTo("https://auth.example.org");
		assertThat(urls.linkBaseUrl(request("https", "auth.example.org"))).isEqualTo("https://auth.example.org");
		assertThat(urls.linkBaseUrl(request("https", "auth.example.org:443", 8443))).isEqualTo("https://auth.example.org");
	}

	@Test
	void aPortTheConnectionDidNotComeInOnNeverReachesALink() {
		ExternalUrls urls = urls(null);

		assertThat(urls.linkBaseUrl(request("http", "localhost:6666", 8080))).isEqualTo("http://localhost");
		assertThat(urls.linkBaseUrl(request("https", "[::1]:6666", 8443))).isEqualTo("https://[::1]");
	}

	@Test
	void behindAProxyTheHostsPortIsNeverTrusted() {
		HttpProperties http = http();
		http.setProxies(1);
		ExternalUrls urls = new ExternalUrls(new GatehouseProperties(), http, new MailProperties(), new AllowedHosts(http));

		assertThat(urls.linkBaseUrl(request("https", "auth.example.org:8080", 8080))).isEqualTo("https://auth.example.org");
	}

	@Test
	void linksKeepTheContextPath() {
		MockHttpServletRequest request = request("http", "localhost:8080", 8080);
		request.setContextPath("/accounts");

		assertThat(urls(null).linkBaseUrl(request)).isEqualTo("http://localhost:8080/accounts");
	}

	@Test
	void neverBuildsAUrlForAHostThatIsNotAllowed() {
		ExternalUrls urls = urls(null);

		assertThatIllegalArgumentException().isThrownBy(() -> urls.baseUrl(request("https", "evil.com")));
		assertThatIllegalArgumentException().isThrownBy(() -> urls.httpsBaseUrl(request("https", null)));
	}

	@Test
	void configuredLinkBaseUrlWinsForMailLinks() {
		ExternalUrls urls = urls("https://auth.example.org/");

		assertThat(urls.linkBaseUrl(request("http", "localhost"))).isEqualTo("https://auth.example.org");
		assertThat(urls.baseUrl(request("http", "localhost"))).isEqualTo("http://localhost");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.com", "ftp://auth.example.org", "https://user@auth.example.org",
			"https://auth.example.org/?next=x", "auth.example.org", "https://auth.example.org/#x", "https:// bad" })
	void refusesToStartWithAnUnsafeLinkBaseUrl(String linkBaseUrl) {
		assertThatIllegalStateException().isThrownBy(() -> urls(linkBaseUrl))
				.withMessageContaining("gatehouse.mail.link-base-url");
	}

	private static ExternalUrls urls(String linkBaseUrl) {
		HttpProperties http = http();
		MailProperties mail = new MailProperties();
		mail.setLinkBaseUrl(linkBaseUrl);
		return new ExternalUrls(new GatehouseProperties(), http, mail, new AllowedHosts(http));
	}

	private static HttpProperties http() {
		HttpProperties http = new HttpProperties();
		http.setAllowedHosts(List.of("auth.example.org", "localhost", "[::1]"));
		return http;
	}

	private static MockHttpServletRequest request(String scheme, String host) {
		return request(scheme, host, 80);
	}

	/** A request that came in on {@code localPort} of this server. */
	private static MockHttpServletRequest request(String scheme, String host, int localPort) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setScheme(scheme);
		request.setLocalPort(localPort);
		if (host != null) {
			request.addHeader("Host", host);
		}
		return request;
	}
}
