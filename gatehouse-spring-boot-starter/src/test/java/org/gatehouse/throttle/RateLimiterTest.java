package org.gatehouse.throttle;

import org.gatehouse.testapp.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gatehouse.config.GatehouseProperties;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	private final GatehouseProperties properties = new GatehouseProperties();
	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private final RateLimiter limiter = new RateLimiter(new MemoryAttemptCounters(clock, 1000), properties,
			new ThrottleEvents(meters));

	@Test
	void allowsTheConfiguredNumberPerWindowThenSaysWhenToRetry() {
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire("reset-email", "a@example.org")).isEmpty();
		}
		clock.advance(Duration.ofMinutes(15));
		assertThat(limiter.tryAcquire("reset-email", "A@Example.org ")).hasValue(Duration.ofMinutes(45));
		assertThat(limiter.tryAcquire("reset-email", "b@example.org")).isEmpty();
		assertThat(limiter.tryAcquire("confirm-email", "a@example.org")).as("buckets are separate").isEmpty();
		assertThat(meters.counter("gatehouse.throttle.rejections", "kind", "reset-email").count()).isEqualTo(1);
		clock.advance(Duration.ofMinutes(45));
		assertThat(limiter.tryAcquire("reset-email", "a@example.org")).isEmpty();
	}

	@Test
	void unknownBucketsUseTheDefaultLimit() {
		for (int i = 0; i < 20; i++) {
			assertThat(limiter.tryAcquire("token-create", "42")).isEmpty();
		}
		assertThat(limiter.tryAcquire("token-create", "42")).isPresent();
	}

	@Test
	void explicitLimits() {
		assertThat(limiter.tryAcquire("x", "k", 1, Duration.ofSeconds(10))).isEmpty();
		assertThat(limiter.tryAcquire("x", "k", 1, Duration.ofSeconds(10))).hasValue(Duration.ofSeconds(10));
	}
}
