package org.gatehouse.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Spring Boot settings that Gatehouse needs, added with the lowest precedence so any
 * application property overrides them: message bundle, health endpoint at /health,
 * Redis only when gatehouse.session.redis-url is set, no white-label error page, OpenAPI
 * description of /api/ at /api/openapi.json.
 */
public class GatehouseDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "gatehouseDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		boolean applicationMessages = new ClassPathResource("messages.properties").exists();
		defaults.put("spring.messages.basename", applicationMessages ? "messages,gatehouse/messages" : "gatehouse/messages");
		defaults.put("spring.messages.fallback-to-system-locale", "false");
		defaults.put("spring.mvc.problemdetails.enabled", "true");
		defaults.put("server.error.whitelabel.enabled", "false");
		defaults.put("server.error.include-stacktrace", "never");
		defaults.put("server.error.include-message", "never");
		defaults.put("server.error.include-exception", "false");
		defaults.put("server.servlet.encoding.force", "true");
		// an application event per request that nothing here listens to
		defaults.put("spring.mvc.publish-request-handled-events", "false");
		// nothing exposes metrics by default (only /health), so timing every request would be work for nobody;
		// an application that exposes a metrics endpoint turns this back on
		defaults.put("management.observations.enable.http.server.requests", "false");
		defaults.put("management.endpoints.web.base-path", "/");
		defaults.put("management.endpoints.web.exposure.include", "health");
		defaults.put("management.endpoint.health.show-details", "never");
		defaults.put("management.endpoint.health.show-components", "never");
		defaults.put("management.endpoint.health.probes.enabled", "true");
		defaults.put("springdoc.api-docs.path", "/api/openapi.json");
		defaults.put("springdoc.api-docs.enabled", "${gatehouse.api.docs-enabled:true}");
		defaults.put("springdoc.paths-to-match", "/api/**");
		String redisUrl = environment.getProperty("gatehouse.session.redis-url", "");
		if (redisUrl.isBlank()) {
			defaults.put("management.health.redis.enabled", "false");
		}
		else {
			defaults.put("spring.data.redis.url", redisUrl);
			// Lettuce waits 60 s by default while Redis is down; fail closed (503) within seconds instead
			defaults.put("spring.data.redis.timeout", "3s");
			defaults.put("spring.data.redis.connect-timeout", "3s");
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
