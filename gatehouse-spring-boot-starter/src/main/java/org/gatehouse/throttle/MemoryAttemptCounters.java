package org.gatehouse.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Counters of one instance, in a bounded Caffeine cache. Expiry follows the injected Clock,
 * both when reading and when Caffeine evicts.
 */
public class MemoryAttemptCounters implements AttemptCounters {

	/** Members are only counted up to thresholds far below this; the cap bounds memory per key. */
	private static final int MAX_MEMBERS = 1000;

	private record Entry(long value, Set<String> members, Instant expiresAt) {
	}

	private final Clock clock;
	private final Cache<String, Entry> cache;

	public MemoryAttemptCounters(Clock clock, long maxEntries) {
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumSize(maxEntries)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.expireAfter(new Expiry<String, Entry>() {
				@Override
				public long expireAfterCreate(String key, Entry entry, long now) {
					return nanosLeft(entry);
				}

				@Override
				public long expireAfterUpdate(String key, Entry entry, long now, long currentDuration) {
					return nanosLeft(entry);
				}

				@Override
				public long expireAfterRead(String key, Entry entry, long now, long currentDuration) {
					return currentDuration;
				}
			})
			.build();
	}

	private long nanosLeft(Entry entry) {
		return Math.max(0, Duration.between(clock.instant(), entry.expiresAt()).toNanos());
	}

	private Entry live(Entry entry, Instant now) {
		return entry != null && entry.expiresAt().isAfter(now) ? entry : null;
	}

	@Override
	public Count increment(String key, Duration window) {
		Instant now = clock.instant();
		Entry updated = cache.asMap().compute(key, (k, old) -> {
			Entry current = live(old, now);
			return current == null ? new Entry(1, null, now.plus(window))
					: new Entry(current.value() + 1, null, current.expiresAt());
		});
		return new Count(updated.value(), Duration.between(now, updated.expiresAt()));
	}

	@Override
	public long addDistinct(String key, String member, Duration window) {
		Instant now = clock.instant();
		Entry updated = cache.asMap().compute(key, (k, old) -> {
			Entry current = live(old, now);
			Set<String> members = current == null || current.members() == null ? new HashSet<>()
					: new HashSet<>(current.members());
			if (members.size() < MAX_MEMBERS) {
				members.add(member);
			}
			return new Entry(members.size(), Set.copyOf(members), current == null ? now.plus(window) : current.expiresAt());
		});
		return updated.value();
	}

	@Override
	public void put(String key, long value, Duration ttl) {
		cache.put(key, new Entry(value, null, clock.instant().plus(ttl)));
	}

	@Override
	public OptionalLong get(String key) {
		Entry entry = live(cache.getIfPresent(key), clock.instant());
		return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.value());
	}

	@Override
	public void delete(Collection<String> keys) {
		cache.invalidateAll(keys);
	}
}
