package org.gatehouse.session;

import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Session cookie, absolute lifetime and activity recording, whichever store is chosen. */
@Configuration(proxyBeanMethods = false)
public class SessionWebConfiguration {

	/** Spring Security's filter chain runs at -100; activity needs the authenticated user. */
	static final int ACTIVITY_FILTER_ORDER = 0;

	/** The application's own CookieSerializer, if it declares one, writes the session cookie instead. */
	@Bean
	@ConditionalOnMissingBean(CookieSerializer.class)
	public CookieSerializer gatehouseSessionCookieSerializer(GatehouseProperties properties, Signers signers) {
		GatehouseProperties.Cookie cookie = properties.getSession().getCookie();
		boolean secure = SessionCookies.secure(properties);
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(SessionCookies.name(properties));
		serializer.setUseSecureCookie(secure);
		serializer.setUseHttpOnlyCookie(cookie.isHttpOnly());
		serializer.setSameSite(cookie.getSameSite());
		serializer.setCookiePath("/");
		serializer.setUseBase64Encoding(false);
		return new SignedCookieSerializer(serializer, signers.signer("session-cookie"));
	}

	/** Requests that only touch a session do not write it back (see LastAccessThrottlingSessionRepository). */
	@Bean
	static SessionRepositoryFilterPostProcessor gatehouseSessionRepositoryFilterPostProcessor(
			ObjectProvider<SessionRepository<?>> repositories, ObjectProvider<CookieSerializer> cookieSerializer,
			ObjectProvider<HttpSessionIdResolver> idResolver, ObjectProvider<SessionIdRotation> rotation,
			ObjectProvider<GatehouseProperties> properties) {
		return new SessionRepositoryFilterPostProcessor(repositories, cookieSerializer, idResolver, rotation,
				() -> properties.getObject().getSession().getActivityWriteInterval());
	}

	/** Just outside Spring Session's repository filter: store outages become a clear 503. */
	@Bean
	public FilterRegistrationBean<SessionStoreUnavailableFilter> gatehouseSessionStoreUnavailableFilter() {
		FilterRegistrationBean<SessionStoreUnavailableFilter> registration = new FilterRegistrationBean<>(
				new SessionStoreUnavailableFilter());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	public FilterRegistrationBean<SessionLifetimeFilter> gatehouseSessionLifetimeFilter(GatehouseProperties properties,
			Clock clock) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(properties.getSession().getAbsoluteTimeout(), clock));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	public FilterRegistrationBean<SessionActivityFilter> gatehouseSessionActivityFilter(GatehouseProperties properties,
			SessionActivityStore store, UserAgentParser userAgents, GeoIpCountry geoIp, Clock clock) {
		FilterRegistrationBean<SessionActivityFilter> registration = new FilterRegistrationBean<>(
				new SessionActivityFilter(store, userAgents, geoIp, properties.getSession().getActivityWriteInterval(),
						clock));
		registration.setOrder(ACTIVITY_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(properties.getSession().isActivityEnabled());
		return registration;
	}
}
