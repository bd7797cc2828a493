package org.gatehouse.throttle;

import org.gatehouse.testapp.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryAttemptCountersTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
	private final MemoryAttemptCounters counters = new MemoryAttemptCounters(clock, 1000);

	@Test
	void incrementCountsWithinAFixedWindowThatTheClockEnds() {
		assertThat(counters.increment("k", Duration.ofMinutes(10))).isEqualTo(new Count(1, Duration.ofMinutes(10)));
		clock.advance(Duration.ofMinutes(4));
		assertThat(counters.increment("k", Duration.ofMinutes(10))).isEqualTo(new Count(2, Duration.ofMinutes(6)));
		clock.advance(Duration.ofMinutes(6));
		assertThat(counters.increment("k", Duration.ofMinutes(10)).value()).isEqualTo(1);
	}

	@Test
	void distinctMembersAreCountedOnce() {
		assertThat(counters.addDistinct("s", "a", Duration.ofMinutes(1))).isEqualTo(1);
		assertThat(counters.addDistinct("s", "a", Duration.ofMinutes(1))).isEqualTo(1);
		assertThat(counters.addDistinct("s", "b", Duration.ofMinutes(1))).isEqualTo(2);
		clock.advance(Duration.ofMinutes(1));
		assertThat(counters.addDistinct("s", "c", Duration.ofMinutes(1))).isEqualTo(1);
	}

	@Test
	void valuesExpireAndCanBeDeleted() {
		counters.put("v", 42, Duration.ofSeconds(30));
		assertThat(counters.get("v")).hasValue(42);
		clock.advance(Duration.ofSeconds(30));
		assertThat(counters.get("v")).isEmpty();
		counters.put("v", 7, Duration.ofSeconds(30));
		counters.delete(List.of("v"));
		assertThat(counters.get("v")).isEmpty();
	}
}
