package org.gatehouse.http;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.gatehouse.config.GatehouseProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/** Registers the HTTP hardening filters with the servlet container, ahead of Spring Security. */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HttpFilterRegistrations {

	private static final EnumSet<DispatcherType> ALL_DISPATCHES = EnumSet.of(DispatcherType.REQUEST,
			DispatcherType.FORWARD, DispatcherType.INCLUDE, DispatcherType.ASYNC, DispatcherType.ERROR);
	private static final EnumSet<DispatcherType> INCOMING_REQUESTS = EnumSet.of(DispatcherType.REQUEST);

	@Bean
	FilterRegistrationBean<ProxyHeadersFilter> gatehouseProxyHeadersFilter(HttpProperties http) {
		return registration(new ProxyHeadersFilter(http), GatehouseFilterOrder.PROXY_HEADERS, ALL_DISPATCHES);
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> gatehouseSecurityHeadersFilter(GatehouseProperties properties,
			HttpProperties http, CspNonce cspNonce) {
		return registration(new SecurityHeadersFilter(properties, http, cspNonce), GatehouseFilterOrder.SECURITY_HEADERS,
				ALL_DISPATCHES);
	}

	@Bean
	FilterRegistrationBean<AllowedHostsFilter> gatehouseAllowedHostsFilter(AllowedHosts allowedHosts) {
		return registration(new AllowedHostsFilter(allowedHosts), GatehouseFilterOrder.ALLOWED_HOSTS, INCOMING_REQUESTS);
	}

	@Bean
	FilterRegistrationBean<ForceHttpsFilter> gatehouseForceHttpsFilter(GatehouseProperties properties, HttpProperties http,
			ExternalUrls externalUrls, RequestMessages messages) {
		FilterRegistrationBean<ForceHttpsFilter> registration = registration(new ForceHttpsFilter(externalUrls, messages),
				GatehouseFilterOrder.FORCE_HTTPS, INCOMING_REQUESTS);
		Boolean forceHttps = http.getForceHttps();
		registration.setEnabled(forceHttps != null ? forceHttps : properties.isProduction());
		return registration;
	}

	@Bean
	FilterRegistrationBean<BodySizeLimitFilter> gatehouseBodySizeLimitFilter(HttpProperties http,
			RequestMessages messages) {
		return registration(new BodySizeLimitFilter(http, messages), GatehouseFilterOrder.BODY_SIZE_LIMIT, INCOMING_REQUESTS);
	}

	@Bean
	FilterRegistrationBean<NulCharacterFilter> gatehouseNulCharacterFilter() {
		return registration(new NulCharacterFilter(), GatehouseFilterOrder.NUL_CHARACTERS, INCOMING_REQUESTS);
	}

	private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order,
			EnumSet<DispatcherType> dispatcherTypes) {
		FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(order);
		registration.setDispatcherTypes(dispatcherTypes);
		registration.addUrlPatterns("/*");
		return registration;
	}
}
