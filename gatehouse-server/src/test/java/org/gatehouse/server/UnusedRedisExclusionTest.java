package org.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

class UnusedRedisExclusionTest {

	private String excludedWith(MockEnvironment environment) {
		new UnusedRedisExclusion().postProcessEnvironment(environment, new SpringApplication());
		return environment.getProperty("spring.autoconfigure.exclude");
	}

	@Test
	void withoutRedisSettingsTheRedisClientIsNotConfigured() {
		assertThat(excludedWith(new MockEnvironment()))
			.contains("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
	}

	/** Gatehouse connects to its redis-url itself: Spring Boot's localhost:6379 client would be unused (and DOWN). */
	@Test
	void gatehousesOwnRedisUrlNeedsNoSpringBootRedisClient() {
		assertThat(excludedWith(new MockEnvironment().withProperty("gatehouse.session.redis-url", "redis://r:6379")))
			.contains("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
	}

	@Test
	void redisOverSpringsConnectionKeepsIt() {
		assertThat(excludedWith(new MockEnvironment().withProperty("gatehouse.throttle.redis", "true"))).isNull();
		assertThat(excludedWith(new MockEnvironment().withProperty("gatehouse.session.store", "redis"))).isNull();
		assertThat(excludedWith(new MockEnvironment().withProperty("spring.data.redis.host", "r"))).isNull();
	}

	@Test
	void anExclusionListOfTheOperatorsIsLeftAsItIs() {
		assertThat(excludedWith(new MockEnvironment().withProperty("spring.autoconfigure.exclude", "x.Y")))
			.isEqualTo("x.Y");
	}

	/** A renamed auto-configuration would silently stay in: each listed one must exist. */
	@Test
	void everyListedAutoConfigurationExists() {
		assertThat(UnusedRedisExclusion.REDIS_AUTO_CONFIGURATIONS)
			.allMatch(name -> ClassUtils.isPresent(name, getClass().getClassLoader()), "present on the class path");
	}
}
