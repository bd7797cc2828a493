package org.gatehouse.http;

import java.util.List;

import org.gatehouse.config.GatehouseProperties;
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

		assertThat(urls.baseUrl(request("http", "auth.example.org:8080"))).isEqualTo("http://auth.example.org:8080");
		assertThat(urls.httpsBaseUrl(request("http", "auth.example.org:8080"))).isEqualTo("https://auth.example.org");
		assertThat(urls.linkBaseUrl(request("https", "auth.example.org"))).isEqualTo("https://auth.example.org");
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
		GatehouseProperties properties = new GatehouseProperties();
		properties.getHttp().setAllowedHosts(List.of("auth.example.org", "localhost"));
		properties.getMail().setLinkBaseUrl(linkBaseUrl);
		return new ExternalUrls(properties, new AllowedHosts(properties));
	}

	private static MockHttpServletRequest request(String scheme, String host) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setScheme(scheme);
		if (host != null) {
			request.addHeader("Host", host);
		}
		return request;
	}
}
