package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.account.RevocableRememberMeServices;
import org.gatehouse.admin.BanService;
import org.gatehouse.admin.RoleAssignments;
import org.gatehouse.admin.UserImport;
import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.web.SecurityFilterChain;
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
				assertThat(context.getBeansOfType(WebMvcConfigurer.class).values())
					.noneMatch(configurer -> configurer.getClass().getName().startsWith("org.gatehouse."));
			});
	}

	/** The command line's context built Gatehouse's three filter chains and method security for nothing. */
	@Test
	void withoutAWebApplicationNoSecurityFilterChainIsBuiltAndTheAccountServicesRemain() {
		StarterContextRunner.withStarterOutsideAWebApplication()
			.withPropertyValues("gatehouse.tasks.enabled=false")
			.run(context -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(SecurityFilterChain.class)
					.doesNotHaveBean(RevocableRememberMeServices.class)
					.hasSingleBean(BanService.class)
					.hasSingleBean(RoleAssignments.class)
					.hasSingleBean(UserImport.class);
			});
	}
}
