package org.gatehouse.server;

import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The server talks to Redis only for sessions or throttle counters, and only when told to. Without that, Spring
 * Boot would still build a Lettuce client, its thread pools and Redis templates at every start (about a second on
 * two cores, and their classes' memory) because Lettuce is on the class path. The starter leaves this alone: an
 * application embedding it may use Redis for its own purposes without saying so in a property.
 */
class UnusedRedisExclusion implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "gatehouseServerUnusedRedis";

	static final List<String> REDIS_AUTO_CONFIGURATIONS = List.of(
			"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
			"org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration",
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (redisConfigured(environment) || environment.containsProperty("spring.autoconfigure.exclude")) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME,
				Map.of("spring.autoconfigure.exclude", String.join(",", REDIS_AUTO_CONFIGURATIONS))));
	}

	static boolean redisConfigured(ConfigurableEnvironment environment) {
		return !environment.getProperty("gatehouse.session.redis-url", "").isBlank()
				|| "redis".equalsIgnoreCase(environment.getProperty("gatehouse.session.store", ""))
				|| environment.getProperty("gatehouse.throttle.redis", Boolean.class, false)
				|| environment.containsProperty("spring.data.redis.url")
				|| environment.containsProperty("spring.data.redis.host");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
