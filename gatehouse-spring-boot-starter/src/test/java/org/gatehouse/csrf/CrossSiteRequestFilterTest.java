package org.gatehouse.csrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.servlet.http.Cookie;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.AllowedHosts;
import org.gatehouse.http.HttpProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CrossSiteRequestFilterTest {

	final GatehouseProperties properties = new GatehouseProperties();
	final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(new AllowedHosts(new HttpProperties()),
			Set.of("https://app.example.org"), new RestCsrfRequestMatcher(properties));

	@Test
	void httpsCookieRequestNeedsAnAllowedOrigin() throws Exception {
		assertThat(run(secure("Origin", "https://localhost"))).isEqualTo(200);
		assertThat(run(secure("Origin", "https://evil.example"))).isEqualTo(403);
		assertThat(run(secure("Origin", "http://localhost"))).isEqualTo(403);
		assertThat(run(secure("Origin", "https://app.example.org"))).isEqualTo(200);
		assertThat(run(secure("Referer", "https://localhost/app"))).isEqualTo(200);
		assertThat(run(secure("Referer", "https://evil.example/"))).isEqualTo(403);
		assertThat(run(secure("X-Nothing", "1"))).isEqualTo(403);
	}

	@Test
	void crossSiteFetchIsRefusedUnlessFromACorsOrigin() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tokens");
		request.addHeader("Sec-Fetch-Site", "cross-site");
		assertThat(run(request)).isEqualTo(403);
		request.addHeader("Origin", "https://app.example.org");
		assertThat(run(request)).isEqualTo(200);
	}

	@Test
	void safeMethodsPass() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
		request.addHeader("Sec-Fetch-Site", "cross-site");
		assertThat(run(request)).isEqualTo(200);
	}

	private MockHttpServletRequest secure(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tokens");
		request.setSecure(true);
		request.setScheme("https");
		request.setCookies(new Cookie("gatehouse_session", "x"));
		request.addHeader(header, value);
		return request;
	}

	private int run(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}
}
