package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

class LocaleAutoConfigurationTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	static class Properties {
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnResolver {
		@Bean
		LocaleResolver localeResolver() {
			return new FixedLocaleResolver();
		}
	}

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocaleAutoConfiguration.class, WebMvcAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void gatehouseResolvesTheLanguage() {
		runner.run(context -> assertThat(context.getBean("localeResolver")).isInstanceOf(GatehouseLocaleResolver.class));
	}

	@Test
	void theApplicationsOwnResolverWinsAndTheSwitcherStaysOff() {
		runner.withUserConfiguration(OwnResolver.class).run(context -> {
			assertThat(context.getBean("localeResolver")).isInstanceOf(FixedLocaleResolver.class);
			assertThat(context).doesNotHaveBean("gatehouseLanguageSwitch");
		});
	}
}
