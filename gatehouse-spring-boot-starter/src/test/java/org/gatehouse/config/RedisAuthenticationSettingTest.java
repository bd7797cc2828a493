package org.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.gatehouse.mode.ProductionSettingsValidator;
import org.gatehouse.mode.InsecureProductionSettingsException;

/**
 * Production mode refuses a Redis that needs no password: the session store (and login counters) would be open to
 * anyone who can reach it, to read, forge or delete sessions.
 */
class RedisAuthenticationSettingTest {

	private static final String GOOD_KEY = "kV8q3Zr1x7Wm2Pn5Ls9Td4Hy6Bf0Jc8Ue3Ga1Qo7Ri5";

	@TempDir
	Path dataDirectory;

	private ApplicationContextRunner production() {
		return new ApplicationContextRunner()
			.withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
			.withPropertyValues("gatehouse.mode=production", "gatehouse.data-directory=" + dataDirectory,
					"gatehouse.http.allowed-hosts=auth.example.org", "gatehouse.secret-key=" + GOOD_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "redis://redis.internal:6379/0", "rediss://redis.internal:6380", "redis://gatehouse:@redis.internal" })
	void aRedisUrlWithoutPasswordIsRefused(String url) {
		production().withPropertyValues("gatehouse.session.redis-url=" + url).run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (!(failure instanceof InsecureProductionSettingsException) && failure.getCause() != null) {
				failure = failure.getCause();
			}
			assertThat(failure).isInstanceOf(InsecureProductionSettingsException.class);
			assertThat(((InsecureProductionSettingsException) failure).getProblems()).singleElement().asString()
				.startsWith("gatehouse.session.redis-url (GATEHOUSE_SESSION_REDIS_URL) connects to Redis without a password")
				.contains("rediss://");
		});
	}

	/** One refusal lists every problem, so an operator fixes them in one round. */
	@Test
	void theRedisProblemComesInTheSameRefusalAsTheOthers() {
		production().withPropertyValues("gatehouse.session.redis-url=redis://redis.internal:6379/0",
				"gatehouse.secret-key=" + "a".repeat(40)).run(context -> {
			Throwable failure = context.getStartupFailure();
			while (!(failure instanceof InsecureProductionSettingsException) && failure.getCause() != null) {
				failure = failure.getCause();
			}
			assertThat(((InsecureProductionSettingsException) failure).getProblems()).hasSize(2)
				.anySatisfy(problem -> assertThat(problem).startsWith("gatehouse.secret-key"))
				.anySatisfy(problem -> assertThat(problem).startsWith("gatehouse.session.redis-url"));
		});
	}

	@Test
	void redisCountersWithoutPasswordAreRefusedToo() {
		production().withPropertyValues("gatehouse.throttle.redis=true", "spring.data.redis.host=redis.internal")
			.run(context -> assertThat(context).hasFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "rediss://gatehouse:s3cret@redis.internal:6380/0", "redis://:s3cret@redis.internal",
			"redis://s3cret@redis.internal" })
	void aRedisUrlWithPasswordStarts(String url) {
		production().withPropertyValues("gatehouse.session.redis-url=" + url)
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void aPasswordInSpringsOwnSettingStarts() {
		production().withPropertyValues("gatehouse.session.redis-url=redis://redis.internal:6379",
				"spring.data.redis.password=s3cret").run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void developmentModeAcceptsALocalRedisWithoutPassword() {
		new ApplicationContextRunner().withUserConfiguration(PropertiesConfiguration.class, ProductionSettingsValidator.class)
			.withPropertyValues("gatehouse.session.redis-url=redis://127.0.0.1:6379")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@EnableConfigurationProperties(GatehouseProperties.class)
	static class PropertiesConfiguration {
	}
}
