package org.gatehouse.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Configuration;

class HttpAutoConfigurationTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	static class Properties {
	}

	@Test
	void aWebApplicationGetsTheHardeningFiltersAndTheUrlHelpers() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpAutoConfiguration.class))
			.withUserConfiguration(Properties.class)
			.run(context -> {
				assertThat(context).hasSingleBean(AllowedHosts.class).hasSingleBean(ExternalUrls.class)
					.hasSingleBean(SafeRedirects.class).hasSingleBean(CspNonce.class).hasBean(Sri.BEAN_NAME);
				assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
					.extracting(registration -> registration.getFilter().getClass().getSimpleName())
					.containsExactlyInAnyOrder("ProxyHeadersFilter", "SecurityHeadersFilter", "AllowedHostsFilter",
							"ForceHttpsFilter", "BodySizeLimitFilter", "NulCharacterFilter");
			});
	}

	@Test
	void withoutAWebServerOnlyTheUrlHelpersRemain() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HttpAutoConfiguration.class))
			.withUserConfiguration(Properties.class)
			.run(context -> {
				assertThat(context).hasSingleBean(ExternalUrls.class).doesNotHaveBean(FilterRegistrationBean.class)
					.doesNotHaveBean(TomcatBodySizeLimit.class);
			});
	}
}
