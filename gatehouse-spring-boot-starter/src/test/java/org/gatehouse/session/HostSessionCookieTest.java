package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Signers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/** The session cookie is written by the application's own CookieSerializer when it declares one. */
class HostSessionCookieTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	@Import({ SecretKeys.class, Signers.class })
	static class Keys {
	}

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SessionWebConfiguration.class))
		.withUserConfiguration(Keys.class)
		.withPropertyValues("gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")
		.withBean(Clock.class, Clock::systemUTC)
		.withBean(SessionActivityStore.class, () -> mock(SessionActivityStore.class))
		.withBean(UserAgentParser.class, () -> mock(UserAgentParser.class))
		.withBean(GeoIpCountry.class, () -> mock(GeoIpCountry.class));

	@Test
	void gatehouseSignsTheSessionCookieByDefault() {
		runner.run(context -> assertThat(context).getBean(CookieSerializer.class).isInstanceOf(SignedCookieSerializer.class));
	}

	@Test
	void theApplicationsOwnCookieSerializerWins() {
		DefaultCookieSerializer own = new DefaultCookieSerializer();
		runner.withBean("hostCookieSerializer", CookieSerializer.class, () -> own)
			.run(context -> assertThat(context.getBean(CookieSerializer.class)).isSameAs(own));
	}
}
