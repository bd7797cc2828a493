package org.gatehouse.session;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.DispatcherType;

import org.gatehouse.http.RequestMessages;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.SessionLoggedInEvent;
import org.gatehouse.audit.ClientLabels;
import org.gatehouse.cache.NearCaches;
import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.account.TrackingProperties;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.Signers;
import org.slf4j.LoggerFactory;
import org.gatehouse.http.SessionCookies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * Sessions whichever store holds them (see {@link SessionStoreAutoConfiguration}): the signed session cookie (or the
 * application's own cookie serializer or session id resolver), absolute lifetime, activity recording with browser
 * (ua-parser) and country (GeoIP database, MaxMind DB reader) when those libraries are present, and the Sessions page
 * and API.
 */
// before Spring Boot's session auto-configuration, whose cookie serializer backs off for Gatehouse's signed one
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, SessionStoreAutoConfiguration.class },
		beforeName = "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration")
@Import({ SessionActivityStore.class, UserSessions.class })
@EnableConfigurationProperties({ GeoipProperties.class, TrackingProperties.class })
public class SessionAutoConfiguration {

	/** Spring Security's filter chain runs at -100; activity needs the authenticated user. */
	static final int ACTIVITY_FILTER_ORDER = 0;

	/** The application's own CookieSerializer, if it declares one, writes the session cookie instead. */
	@Bean
	@ConditionalOnMissingBean({ CookieSerializer.class, HttpSessionIdResolver.class })
	CookieSerializer gatehouseSessionCookieSerializer(GatehouseProperties properties, Signers signers) {
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
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static SessionRepositoryFilterPostProcessor gatehouseSessionRepositoryFilterPostProcessor(
			ObjectProvider<SessionRepository<?>> repositories, ObjectProvider<CookieSerializer> cookieSerializer,
			ObjectProvider<HttpSessionIdResolver> sessionIdResolver, ObjectProvider<SessionIdRotation> rotation,
			ObjectProvider<GatehouseProperties> properties, ObjectProvider<NearCaches> nearCaches) {
		return new SessionRepositoryFilterPostProcessor(repositories, cookieSerializer, sessionIdResolver, rotation,
				() -> properties.getObject().getSession().getActivityWriteInterval(), nearCaches);
	}

	/** Just outside Spring Session's repository filter: store outages become a clear 503. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<SessionStoreUnavailableFilter> gatehouseSessionStoreUnavailableFilter(
			RequestMessages messages) {
		FilterRegistrationBean<SessionStoreUnavailableFilter> registration = new FilterRegistrationBean<>(
				new SessionStoreUnavailableFilter(messages));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<SessionLifetimeFilter> gatehouseSessionLifetimeFilter(GatehouseProperties properties,
			Clock clock) {
		FilterRegistrationBean<SessionLifetimeFilter> registration = new FilterRegistrationBean<>(
				new SessionLifetimeFilter(properties.getSession().getAbsoluteTimeout(), clock));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<SessionActivityFilter> gatehouseSessionActivityFilter(GatehouseProperties properties,
			SessionActivityStore store, ClientDescriptions userAgents, CountryLookup geoIp, Clock clock) {
		FilterRegistrationBean<SessionActivityFilter> registration = new FilterRegistrationBean<>(
				new SessionActivityFilter(store, userAgents, geoIp, properties.getSession().getActivityWriteInterval(),
						clock));
		registration.setOrder(ACTIVITY_FILTER_ORDER);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		registration.setEnabled(properties.getSession().isActivityEnabled());
		return registration;
	}

	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	ApplicationListener<PayloadApplicationEvent<SessionLoggedInEvent>> gatehouseLoginSessionActivity(
			FilterRegistrationBean<SessionActivityFilter> gatehouseSessionActivityFilter) {
		return ApplicationListener.forPayload(login -> {
			if (gatehouseSessionActivityFilter.isEnabled()) {
				gatehouseSessionActivityFilter.getFilter().loggedIn(login);
			}
		});
	}

	/** The security log names clients as the sessions page does. */
	@Bean
	@ConditionalOnMissingBean
	ClientLabels gatehouseClientLabels(ClientDescriptions descriptions) {
		return userAgent -> descriptions.describe(userAgent).label();
	}

	@Bean
	@ConditionalOnMissingBean
	ClientDescriptions gatehouseClientDescriptions() {
		return ClientDescriptions.UNKNOWN;
	}

	@Bean
	@ConditionalOnMissingBean
	CountryLookup gatehouseCountryLookup(GeoipProperties geoip) {
		if (geoip.getDatabase() != null) {
			LoggerFactory.getLogger(SessionAutoConfiguration.class).warn("gatehouse.geoip.database is set but the "
					+ "MaxMind DB reader (com.maxmind.db:maxmind-db) is not on the class path: sessions show no country");
		}
		return CountryLookup.NONE;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ SessionsController.class, SessionApiController.class })
	static class Pages {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "ua_parser.Parser")
	static class UserAgents {

		@Bean
		UserAgentParser gatehouseUserAgentParser() {
			return new UserAgentParser();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.maxmind.db.Reader")
	static class GeoIp {

		@Bean
		GeoIpCountry gatehouseGeoIpCountry(GeoipProperties geoip) throws IOException {
			return new GeoIpCountry(geoip);
		}
	}

	/** Invenio's session-cleaner and delete-login-ips clean-ups; gatehouse.tasks runs them once per cluster. */
	@Bean
	SessionCleanerTask gatehouseSessionCleanerTask(SessionActivityStore activity, RememberMeTokenStore rememberMe,
			ObjectProvider<InMemoryIndexedSessionRepository> memoryStore, GatehouseProperties properties, Clock clock) {
		return new SessionCleanerTask(activity, rememberMe, memoryStore, properties, clock);
	}

	@Bean
	DeleteLoginIpsTask gatehouseDeleteLoginIpsTask(UserStore users, SessionActivityStore activity,
			TrackingProperties tracking, Clock clock) {
		return new DeleteLoginIpsTask(users, activity, tracking, clock);
	}
}
