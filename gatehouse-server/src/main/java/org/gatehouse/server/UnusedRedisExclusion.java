package org.gatehouse.server;

import java.util.List;
import java.util.Map;

import org.gatehouse.redis.RedisUse;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Boot's own Redis connection (spring.data.redis.*) is the server's only when Gatehouse falls back to it
 * (Redis in use without gatehouse.session.redis-url: see {@link RedisUse}) or the operator configured it; Gatehouse
 * opens its own connection from gatehouse.session.redis-url. Otherwise Spring Boot would still build a Lettuce client,
 * its thread pools, Redis templates and a health check of localhost:6379 at every start (about a second on two cores,
 * and a DOWN health without a Redis there) because Lettuce is on the class path. The starter leaves this alone: an
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
		RedisUse gatehouse = RedisUse.of(environment);
		return (gatehouse.inUse() && !gatehouse.ownConnection())
				|| environment.containsProperty("spring.data.redis.url")
				|| environment.containsProperty("spring.data.redis.host");
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
