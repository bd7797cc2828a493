package org.gatehouse.web;

import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.HttpProperties;
import org.gatehouse.http.CspNonce;
import org.gatehouse.http.RequestMessages;
import org.gatehouse.http.SecurityHeadersFilter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ContainerErrorReportValve} in place of Tomcat's error report valve, so responses the
 * container writes itself carry the security headers and answer problem+json under /api/.
 * The valve belongs to Tomcat's host, which Spring Boot's embedded server gives to this one
 * application; it only answers errors that reached no error page, so the application's own error
 * pages are unchanged. Ordered last to replace the valve Spring Boot adds when stack traces are
 * hidden, instead of running beside it.
 */
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class ContainerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final SecurityHeadersFilter securityHeaders;
	private final RequestMessages messages;

	ContainerErrorReports(GatehouseProperties properties, HttpProperties http, CspNonce cspNonce,
			RequestMessages messages) {
		this.securityHeaders = new SecurityHeadersFilter(properties, http, cspNonce);
		this.messages = messages;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> replaceErrorReportValve(context.getParent(), context.getPath()));
	}

	private void replaceErrorReportValve(Container host, String contextPath) {
		Pipeline pipeline = host.getPipeline();
		for (Valve valve : pipeline.getValves()) {
			if (valve instanceof ErrorReportValve) {
				pipeline.removeValve(valve);
			}
		}
		pipeline.addValve(new ContainerErrorReportValve(securityHeaders, messages, contextPath));
		if (host instanceof StandardHost standardHost) {
			// the host adds a valve of this class at start unless one is there already
			standardHost.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
