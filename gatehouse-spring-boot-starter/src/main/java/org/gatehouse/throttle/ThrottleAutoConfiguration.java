package org.gatehouse.throttle;

import java.time.Clock;

import org.gatehouse.config.GatehouseAutoConfiguration;
import org.gatehouse.redis.GatehouseRedisAutoConfiguration;
import org.gatehouse.redis.GatehouseRedisConnection;
import org.gatehouse.redis.RedisUse;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Brute-force protection of logins and rate limits of the pages that send mail or create accounts (gatehouse.throttle).
 * The counters live in Redis when {@link RedisUse} says so (several instances then share them), else in memory; an
 * application may bring its own {@link AttemptCounters}.
 */
@AutoConfiguration(after = { GatehouseAutoConfiguration.class, GatehouseRedisAutoConfiguration.class })
@Import({ ThrottleEvents.class, LoginThrottle.class, RateLimiter.class, PageRateLimits.class })
public class ThrottleAutoConfiguration {

	private static final long MAX_MEMORY_ENTRIES = 200_000;

	@Bean
	@ConditionalOnMissingBean
	AttemptCounters gatehouseAttemptCounters(Clock clock) {
		return new MemoryAttemptCounters(clock, MAX_MEMORY_ENTRIES);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@Import({ LoginPageAdvice.class, TooManyRequestsPageHandler.class })
	static class Pages {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	@Conditional(RedisUse.Counters.class)
	static class RedisCounters {

		@Bean
		@ConditionalOnMissingBean
		AttemptCounters gatehouseRedisAttemptCounters(GatehouseRedisConnection connection) {
			LoggerFactory.getLogger(ThrottleAutoConfiguration.class).info("Throttle counters are kept in Redis");
			return new RedisAttemptCounters(new StringRedisTemplate(connection.factory()));
		}
	}
}
