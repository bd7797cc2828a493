package org.gatehouse.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.gatehouse.testapp.StarterContextRunner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the attempt counters live, and that an application's own counters are used. */
class ThrottleAutoConfigurationTest {

	@Test
	void countersAreInMemoryByDefault() {
		StarterContextRunner.withStarter().run(context -> assertThat(context).hasNotFailed()
			.hasSingleBean(LoginThrottle.class).hasSingleBean(RateLimiter.class).hasSingleBean(PageRateLimits.class)
			.getBean(AttemptCounters.class).isInstanceOf(MemoryAttemptCounters.class));
	}

	@Test
	void aRedisUrlPutsTheCountersInRedisWhicheverStoreHoldsTheSessions() {
		StarterContextRunner.withStarter()
			.withPropertyValues("gatehouse.session.redis-url=redis://127.0.0.1:1", "gatehouse.session.store=jdbc")
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(AttemptCounters.class).isInstanceOf(RedisAttemptCounters.class));
	}

	@Test
	void withoutRedisTheCountersAreInMemory() {
		StarterContextRunner.withStarter()
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis.",
					"org.springframework.session.data.redis.", "io.lettuce."))
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(AttemptCounters.class).isInstanceOf(MemoryAttemptCounters.class));
	}

	@Test
	void redisCountersWithoutTheLibraryAreRefusedAtStart() {
		StarterContextRunner.withStarter()
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis.", "io.lettuce."))
			.withPropertyValues("gatehouse.throttle.redis=true")
			.run(context -> assertThat(context).hasFailed().getFailure().rootCause()
				.hasMessageContaining("Spring Data Redis with Lettuce is not on the class path"));
	}

	@Test
	void theApplicationsCountersAreUsed() {
		StarterContextRunner.withStarter().withUserConfiguration(OwnCounters.class)
			.withPropertyValues("gatehouse.session.redis-url=redis://127.0.0.1:1", "gatehouse.session.store=jdbc")
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(AttemptCounters.class).isSameAs(context.getBean("hostCounters")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnCounters {
		@Bean
		AttemptCounters hostCounters() {
			return mock(AttemptCounters.class);
		}
	}
}
