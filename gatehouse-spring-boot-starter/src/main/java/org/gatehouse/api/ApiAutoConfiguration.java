package org.gatehouse.api;

import org.gatehouse.http.RequestMessages;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Errors of Gatehouse's JSON API as RFC 9457 problem documents: validation and login failures of
 * {@link ApiController}s, Spring MVC's own errors under /api/, and a {@code type} on every problem there.
 * Nothing here answers for the application's own URLs.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ApiErrorHandler.class, ProblemTypeAdvice.class })
public class ApiAutoConfiguration {

	@Bean
	FrameworkErrorResolver gatehouseFrameworkErrorResolver(RequestMessages messages) {
		return new FrameworkErrorResolver(messages);
	}
}
