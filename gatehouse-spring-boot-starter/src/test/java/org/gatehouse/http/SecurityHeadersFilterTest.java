package org.gatehouse.http;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersFilterTest {

	private final GatehouseProperties properties = new GatehouseProperties();
	private final HttpProperties http = new HttpProperties();

	@Test
	void headersAreOverridable() throws Exception {
		HttpProperties.Headers headers = http.getHeaders();
		headers.setFrameOptions("SAMEORIGIN");
		headers.setContentSecurityPolicy("script-src 'nonce-{nonce}' 'strict-dynamic'; style-src 'nonce-{nonce}'");

		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		MockHttpServletResponse response = filter(request);

		String nonce = (String) request.getAttribute(CspNonce.ATTRIBUTE);
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("SAMEORIGIN");
		assertThat(response.getHeader("Content-Security-Policy"))
				.isEqualTo("script-src 'nonce-" + nonce + "' 'strict-dynamic'; style-src 'nonce-" + nonce + "'");
	}

	@Test
	void emptyValuesOmitTheHeader() throws Exception {
		HttpProperties.Headers headers = http.getHeaders();
		headers.setContentSecurityPolicy("");
		headers.setFrameOptions("");
		headers.setReferrerPolicy("");
		headers.setPermissionsPolicy("");
		headers.setCrossOriginOpenerPolicy("");
		headers.setCrossOriginResourcePolicy("");
		headers.setXssProtection("");
		headers.setHsts("");

		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		request.setSecure(true);
		MockHttpServletResponse response = filter(request);

		assertThat(response.getHeaderNames()).containsExactlyInAnyOrder("X-Content-Type-Options", "Cache-Control");
	}

	@Test
	void hstsOnlyOnSecureRequests() throws Exception {
		MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/page");
		MockHttpServletRequest secure = new MockHttpServletRequest("GET", "/page");
		secure.setSecure(true);

		assertThat(filter(plain).getHeader("Strict-Transport-Security")).isNull();
		assertThat(filter(secure).getHeader("Strict-Transport-Security")).isEqualTo("max-age=63072000; includeSubDomains");
	}

	@Test
	void nonceStaysTheSameAcrossDispatchesOfOneRequest() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
		String first = filter(request).getHeader("Content-Security-Policy");
		String again = filter(request).getHeader("Content-Security-Policy");

		assertThat(first).isEqualTo(again).contains((String) request.getAttribute(CspNonce.ATTRIBUTE));
	}

	@Test
	void onlyStaticResourceReadsAreCacheable() throws Exception {
		assertThat(filter(new MockHttpServletRequest("GET", "/gatehouse/app.css")).getHeader("Cache-Control"))
				.isEqualTo("public, max-age=3600");
		assertThat(filter(new MockHttpServletRequest("HEAD", "/gatehouse/app.js")).getHeader("Cache-Control"))
				.isEqualTo("public, max-age=3600");
		assertThat(filter(new MockHttpServletRequest("POST", "/gatehouse/app.css")).getHeader("Cache-Control"))
				.isEqualTo("no-store");
		assertThat(filter(new MockHttpServletRequest("GET", "/account/gatehouse/")).getHeader("Cache-Control"))
				.isEqualTo("no-store");
		assertThat(filter(new MockHttpServletRequest("GET", "/")).getHeader("Cache-Control")).isEqualTo("no-store");
	}

	@Test
	void reCaptchaSourcesAreAllowedOnlyWhenReCaptchaIsConfigured() throws Exception {
		String without = filter(new MockHttpServletRequest("GET", "/signup/")).getHeader("Content-Security-Policy");
		assertThat(without).doesNotContain("google").doesNotContain("frame-src");

		properties.getRecaptcha().setPublicKey("site-key");
		properties.getRecaptcha().setPrivateKey("secret-key");
		String with = filter(new MockHttpServletRequest("GET", "/signup/")).getHeader("Content-Security-Policy");
		assertThat(with).contains("script-src 'self' https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/ 'nonce-")
			.contains("frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/")
			.doesNotContain("unsafe-");
	}

	private MockHttpServletResponse filter(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new SecurityHeadersFilter(properties, http, new CspNonce()).doFilter(request, response, new MockFilterChain());
		return response;
	}
}
