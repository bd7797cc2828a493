package org.gatehouse.http;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class BodySizeLimitFilterTest {

	@Test
	void http2BodyWithoutContentLengthIsLimited() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter().doFilter(http2Request(new byte[101]), response, chain);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void http2BodyWithinTheLimitIsReplayed() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		filter().doFilter(http2Request("hello".getBytes(StandardCharsets.UTF_8)), response, chain);

		HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(passed.getContentLengthLong()).isEqualTo(5);
		assertThat(passed.getReader().readLine()).isEqualTo("hello");
	}

	private static BodySizeLimitFilter filter() {
		HttpProperties properties = new HttpProperties();
		properties.setMaxBodyBytes(100);
		ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
		bundle.setBasename("gatehouse/messages");
		return new BodySizeLimitFilter(properties, new RequestMessages(bundle, () -> null));
	}

	private static MockHttpServletRequest http2Request(byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload") {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		request.setProtocol("HTTP/2.0");
		request.setContentType("application/json");
		request.setContent(body);
		return request;
	}
}
