package org.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class GatehouseAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(GatehouseAutoConfiguration.class));

	@Test
	void gatehouseReadsTheTimeFromTheSystemClockInUtc() {
		runner.run(context -> assertThat(context).hasSingleBean(GatehouseProperties.class)
			.getBean(Clock.class).isEqualTo(Clock.systemUTC()));
	}

	@Test
	void theApplicationsOwnClockReplacesIt() {
		runner.withUserConfiguration(FixedClock.class)
			.run(context -> assertThat(context).getBean(Clock.class).isSameAs(FixedClock.CLOCK));
	}

	@Configuration(proxyBeanMethods = false)
	static class FixedClock {

		static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

		@Bean
		Clock hostClock() {
			return CLOCK;
		}
	}
}
