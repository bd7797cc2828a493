package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.gatehouse.http.RequestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class ApiAutoConfigurationTest {

	@Test
	void theApiErrorHandlingIsScopedToGatehousesApi() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiAutoConfiguration.class))
			.withBean(RequestMessages.class, () -> new RequestMessages(new StaticMessageSource(), () -> null))
			.run(context -> {
				assertThat(context).hasSingleBean(FrameworkErrorResolver.class).hasSingleBean(ApiErrorHandler.class)
					.hasSingleBean(ProblemTypeAdvice.class);
				// the only advice that picks controllers picks Gatehouse's API controllers; the other acts under /api/ only
				assertThat(ApiErrorHandler.class.getAnnotation(RestControllerAdvice.class).annotations())
					.containsExactly(ApiController.class);
				assertThat(context.getBeansWithAnnotation(ControllerAdvice.class)).hasSize(2);
			});
	}

	@Test
	void notInANonWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ApiAutoConfiguration.class))
			.run(context -> assertThat(context).doesNotHaveBean(FrameworkErrorResolver.class)
				.doesNotHaveBean(ApiErrorHandler.class));
	}
}
