package org.gatehouse.throttle;

import java.time.Duration;
import java.util.Optional;

import org.gatehouse.config.GatehouseProperties;

/**
 * Fixed-window rate limits for actions that send mail or create state, configured under
 * gatehouse.throttle.rate-limits.BUCKET. Keys (email addresses, logins) are compared
 * case-insensitively and stored hashed; pass client addresses through {@link ClientNetwork}.
 */
class RateLimiter {

	private final AttemptCounters counters;
	private final GatehouseProperties.Throttle config;
	private final ThrottleEvents events;

	public RateLimiter(AttemptCounters counters, GatehouseProperties properties, ThrottleEvents events) {
		this.counters = counters;
		this.config = properties.getThrottle();
		this.events = events;
	}

	/**
	 * Counts one action of key in bucket. Empty when it is allowed, else how long until the
	 * window ends (for Retry-After). Buckets not configured use rate-limits.default.
	 */
	public Optional<Duration> tryAcquire(String bucket, String key) {
		GatehouseProperties.Limit limit = config.getRateLimits().get(bucket);
		if (limit == null) {
			limit = config.getRateLimits().getOrDefault("default", new GatehouseProperties.Limit());
		}
		return tryAcquire(bucket, key, limit.getMax(), limit.getPer());
	}

	public Optional<Duration> tryAcquire(String bucket, String key, int max, Duration per) {
		if (!config.isEnabled()) {
			return Optional.empty();
		}
		Count count = counters.increment("rate:" + bucket + ":" + ThrottleKeys.hash(key), per);
		if (count.value() <= max) {
			return Optional.empty();
		}
		events.rejected(bucket);
		return Optional.of(count.remaining().isNegative() ? per : count.remaining());
	}
}
