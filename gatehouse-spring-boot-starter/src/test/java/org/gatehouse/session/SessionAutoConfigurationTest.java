package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the session feature switches on, off, or leaves to the application. */
class SessionAutoConfigurationTest {

	private static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
			+ "Chrome/120.0.0.0 Safari/537.36";

	@Test
	void withEveryLibraryBrowserAndCountryAreRead() {
		StarterContextRunner.withStarter().run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(SessionsController.class)
				.hasSingleBean(SessionApiController.class).hasSingleBean(UserSessions.class)
				.hasSingleBean(SignedCookieSerializer.class);
			assertThat(context.getBean(ClientDescriptions.class)).isInstanceOf(UserAgentParser.class);
			assertThat(context.getBean(CountryLookup.class)).isInstanceOf(GeoIpCountry.class);
		});
	}

	/** The Sessions page then shows "Other" for browser and system. */
	@Test
	void withoutUaParserTheBrowserIsUnknown() {
		StarterContextRunner.withStarter().withClassLoader(new FilteredClassLoader("ua_parser.")).run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(SessionsController.class);
			assertThat(context.getBean(ClientDescriptions.class).describe(CHROME)).isEqualTo(ClientDescription.UNKNOWN);
		});
	}

	@Test
	void withoutTheMaxMindReaderThereIsNoCountry() {
		StarterContextRunner.withStarter().withClassLoader(new FilteredClassLoader("com.maxmind."))
			.withPropertyValues("gatehouse.geoip.database=src/test/resources/geoip/iptoasn-country-ipv4.mmdb")
			.run(context -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(GeoIpCountry.class);
				assertThat(context.getBean(CountryLookup.class).countryOf("8.8.8.8")).isNull();
			});
	}

	@Test
	void withoutRedisTheDatabaseOrMemoryHoldsTheSessions() {
		FilteredClassLoader noRedis = new FilteredClassLoader("org.springframework.data.redis.",
				"org.springframework.session.data.redis.", "io.lettuce.");
		StarterContextRunner.withStarter().withClassLoader(noRedis).run(context -> assertThat(context).hasNotFailed()
			.getBean(SessionRepository.class).isInstanceOf(JdbcIndexedSessionRepository.class));
		StarterContextRunner.withStarter().withClassLoader(noRedis).withPropertyValues("gatehouse.session.store=memory")
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(SessionRepository.class).isInstanceOf(InMemoryIndexedSessionRepository.class));
	}

	@Test
	void redisAskedForWithoutItsLibraryIsRefusedAtStart() {
		StarterContextRunner.withStarter()
			.withClassLoader(new FilteredClassLoader("org.springframework.session.data.redis."))
			.withPropertyValues("gatehouse.session.redis-url=redis://127.0.0.1:1", "gatehouse.session.store=redis")
			.run(context -> assertThat(context).hasFailed().getFailure()
				.hasMessageContaining("Spring Session Data Redis is not on the class path"));
	}

	@Test
	void aNewSessionGetsGatehousesCookie() {
		StarterContextRunner.withStarter().run(context -> {
			MockHttpServletResponse response = newSession(context);
			assertThat(response.getCookie("gatehouse_session")).isNotNull();
		});
	}

	@Test
	void theApplicationsCookieSerializerIsUsed() {
		StarterContextRunner.withStarter().withUserConfiguration(OwnCookie.class).run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SignedCookieSerializer.class);
			MockHttpServletResponse response = newSession(context);
			assertThat(response.getCookie("host_session")).isNotNull();
			assertThat(response.getCookie("gatehouse_session")).isNull();
		});
	}

	@Test
	void theApplicationsSessionIdResolverIsUsed() {
		StarterContextRunner.withStarter().withUserConfiguration(OwnResolver.class).run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(CookieSerializer.class);
			MockHttpServletResponse response = newSession(context);
			assertThat(response.getHeader("X-Auth-Token")).isNotBlank();
			assertThat(response.getCookies()).isEmpty();
		});
	}

	/** A request through the session filter that starts a session. */
	private static MockHttpServletResponse newSession(ApplicationContext context) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		context.getBean(SessionRepositoryFilter.class).doFilter(new MockHttpServletRequest(), response,
				(request, ignored) -> ((HttpServletRequest) request).getSession(true).setAttribute("seen", "yes"));
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCookie {
		@Bean
		CookieSerializer hostCookieSerializer() {
			DefaultCookieSerializer serializer = new DefaultCookieSerializer();
			serializer.setCookieName("host_session");
			return serializer;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnResolver {
		@Bean
		HttpSessionIdResolver hostSessionIdResolver() {
			return HeaderHttpSessionIdResolver.xAuthToken();
		}
	}
}
