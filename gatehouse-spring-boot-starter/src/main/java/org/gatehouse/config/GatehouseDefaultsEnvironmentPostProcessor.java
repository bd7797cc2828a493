package org.gatehouse.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What is left of the host settings the starter used to set (issue 16: the starter sets nothing of the
 * host's). Host-wide choices (Actuator at /health, server.error.*, encoding, observations, problem
 * details) are gatehouse-server's, in its application.yml; the message bundle is MessagesAutoConfiguration's.
 * The lines below are still needed until their owners replace them, each with the lowest precedence so any
 * application property overrides them:
 * <ul>
 * <li>spring.flyway.* and spring.session.jdbc.initialize-schema: removed by "flyway" (Gatehouse's own
 * migration location and history table);</li>
 * <li>springdoc.*, spring.data.redis.* and management.health.redis.enabled: removed by "optional"
 * (springdoc and Redis made optional).</li>
 * </ul>
 */
public class GatehouseDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "gatehouseDefaults";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// --- "optional" removes these ---
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
