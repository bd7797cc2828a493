package org.gatehouse.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

class SecurityChainsAutoConfigurationTest {

	private static final String PAGES = "gatehouseSecurityFilterChain";
	private static final String API = "gatehouseApiFilterChain";
	private static final String TOKENS = "gatehouseApiTokenFilterChain";

	@Test
	void gatehouseDeclaresItsThreeChains() {
		StarterContextRunner.withStarter()
			.run(context -> assertThat(context).hasNotFailed()
				.getBeans(SecurityFilterChain.class)
				.containsOnlyKeys(PAGES, API, TOKENS));
	}

	@Test
	void aChainOfTheApplicationsOwnStandsBesideGatehouses() {
		StarterContextRunner.withStarter().withUserConfiguration(HostChain.class)
			.run(context -> assertThat(context).hasNotFailed()
				.getBeans(SecurityFilterChain.class)
				.containsOnlyKeys("hostChain", PAGES, API, TOKENS));
	}

	@Test
	void aChainNamedLikeGatehousesReplacesIt() {
		StarterContextRunner.withStarter().withUserConfiguration(ReplacedApiChain.class)
			.run(context -> {
				assertThat(context).hasNotFailed().getBeans(SecurityFilterChain.class)
					.containsOnlyKeys(PAGES, API, TOKENS);
				assertThat(context.getBean(API)).isSameAs(context.getBean(ReplacedApiChain.class).chain);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class HostChain {

		@Bean
		SecurityFilterChain hostChain(HttpSecurity http) throws Exception {
			return http.securityMatcher("/host/**").authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ReplacedApiChain {

		SecurityFilterChain chain;

		@Bean
		SecurityFilterChain gatehouseApiFilterChain(HttpSecurity http) throws Exception {
			chain = http.securityMatcher("/api/**").authorizeHttpRequests(r -> r.anyRequest().denyAll()).build();
			return chain;
		}
	}
}
