package org.gatehouse.throttle;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counters in Redis, shared by every instance. Each change is one Lua script, so the
 * increment and the setting of its expiry cannot be separated by a crash or a race.
 */
class RedisAttemptCounters implements AttemptCounters {

	private static final String PREFIX = "gatehouse:throttle:";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> INCREMENT = RedisScript.of("""
			local n = redis.call('INCR', KEYS[1])
			local ttl = redis.call('PTTL', KEYS[1])
			if ttl < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[1])
			  ttl = tonumber(ARGV[1])
			end
			return {n, ttl}
			""", List.class);

	private static final RedisScript<Long> ADD_DISTINCT = RedisScript.of("""
			redis.call('SADD', KEYS[1], ARGV[1])
			if redis.call('PTTL', KEYS[1]) < 0 then
			  redis.call('PEXPIRE', KEYS[1], ARGV[2])
			end
			return redis.call('SCARD', KEYS[1])
			""", Long.class);

	private final StringRedisTemplate redis;

	public RedisAttemptCounters(StringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Count increment(String key, Duration window) {
		List<?> result = redis.execute(INCREMENT, List.of(PREFIX + key), Long.toString(window.toMillis()));
		return new Count(((Number) result.get(0)).longValue(), Duration.ofMillis(((Number) result.get(1)).longValue()));
	}

	@Override
	public long addDistinct(String key, String member, Duration window) {
		return redis.execute(ADD_DISTINCT, List.of(PREFIX + key), member, Long.toString(window.toMillis()));
	}

	@Override
	public void put(String key, long value, Duration ttl) {
		redis.opsForValue().set(PREFIX + key, Long.toString(value), ttl);
	}

	@Override
	public OptionalLong get(String key) {
		String value = redis.opsForValue().get(PREFIX + key);
		return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value));
	}

	@Override
	public void delete(Collection<String> keys) {
		redis.delete(keys.stream().map(k -> PREFIX + k).toList());
	}
}
