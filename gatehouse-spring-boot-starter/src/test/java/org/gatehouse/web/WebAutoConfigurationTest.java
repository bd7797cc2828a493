package org.gatehouse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.http.HttpAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class WebAutoConfigurationTest {

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(GatehouseProperties.class)
	static class Properties {
	}

	@Configuration(proxyBeanMethods = false)
	@Import(GatehouseErrorPages.class)
	static class WantsGatehousesErrorPages {
	}

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpAutoConfiguration.class, WebAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void pagesGetTheirModelAndTheHomePageButNoErrorPages() {
		runner.run(context -> assertThat(context).hasSingleBean(PageModel.class).hasSingleBean(HomeController.class)
			.doesNotHaveBean(ErrorController.class).doesNotHaveBean(MalformedRequestAdvice.class)
			.doesNotHaveBean(ContainerErrorReports.class));
	}

	@Test
	void theHomePageSwitchesOff() {
		runner.withPropertyValues("gatehouse.home-page-enabled=false")
			.run(context -> assertThat(context).hasSingleBean(PageModel.class).doesNotHaveBean(HomeController.class));
	}

	@Test
	void anApplicationOptsInToGatehousesErrorPages() {
		runner.withUserConfiguration(WantsGatehousesErrorPages.class)
			.run(context -> assertThat(context).hasSingleBean(GatehouseErrorController.class)
				.hasSingleBean(MalformedRequestAdvice.class).hasSingleBean(ContainerErrorReports.class));
	}
}
