package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An application without a web server (gatehouse-server's command line, a batch job of a host) gets Gatehouse's
 * services, and none of its pages, API endpoints, advices or servlet filters.
 */
class NonWebApplicationTest {

	@Test
	void withoutAWebApplicationGatehouseDeclaresNoControllersAdvicesOrFilters() {
		StarterContextRunner.withStarterOutsideAWebApplication()
			.withPropertyValues("gatehouse.tasks.enabled=false")
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanNamesForAnnotation(Controller.class)).isEmpty();
				assertThat(context.getBeanNamesForAnnotation(ControllerAdvice.class)).isEmpty();
				assertThat(context.getBeanNamesForType(FilterRegistrationBean.class)).isEmpty();
				// Spring Security's own MVC configurers remain: the security chains are still built (see review.md)
				assertThat(context.getBeansOfType(WebMvcConfigurer.class).values())
					.noneMatch(configurer -> configurer.getClass().getName().startsWith("org.gatehouse."));
			});
	}
}
