package org.gatehouse.http;


import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Sets Tomcat's max post size (the limit for form parameters it parses itself) to
 * {@code gatehouse.http.max-body-bytes}. Ordered last so it wins over
 * {@code server.tomcat.max-http-form-post-size}.
 */
class TomcatBodySizeLimit implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final int maxPostSize;

	TomcatBodySizeLimit(HttpProperties properties) {
		this.maxPostSize = (int) Math.min(Integer.MAX_VALUE, properties.getMaxBodyBytes());
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addConnectorCustomizers(connector -> connector.setMaxPostSize(maxPostSize));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
