package org.gatehouse.throttle;

import java.time.Clock;

import org.gatehouse.config.GatehouseProperties;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Counters in Redis when Redis is configured (several instances then share them), else in memory. */
@Configuration(proxyBeanMethods = false)
public class AttemptCountersConfiguration {

	private static final long MAX_MEMORY_ENTRIES = 200_000;

	@Bean
	@ConditionalOnMissingBean
	public AttemptCounters gatehouseAttemptCounters(GatehouseProperties properties,
			ObjectProvider<StringRedisTemplate> redis, Clock clock) {
		String redisUrl = properties.getSession().getRedisUrl();
		if (properties.getThrottle().isRedis() || (redisUrl != null && !redisUrl.isBlank())) {
			LoggerFactory.getLogger(AttemptCountersConfiguration.class).info("Throttle counters are kept in Redis");
			return new RedisAttemptCounters(redis.getObject());
		}
		return new MemoryAttemptCounters(clock, MAX_MEMORY_ENTRIES);
	}
}
