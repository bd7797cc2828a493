package org.gatehouse.cache;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Values read from a shared store, kept in this process until a write anywhere invalidates them (see
 * {@link NearCaches}). Read only while the invalidation channel is open: otherwise every read goes to the store.
 * <p>
 * A value read from the store while an invalidation of its key arrives must not be kept: the store may have answered
 * before the write. Each key hashes to a counter that every invalidation of it advances (a clear advances them all);
 * a value is kept only if its counter did not move while it was read, checked again after it is stored, because an
 * invalidation may land between the check and the store.
 */
public final class NearCache<V> {

	private static final int STRIPES = 1024;

	private final char kind;
	private final NearCaches caches;
	private final Cache<String, V> values;
	private final AtomicLongArray invalidations = new AtomicLongArray(STRIPES);
	private final AtomicLong clears = new AtomicLong();

	NearCache(char kind, NearCaches caches, long maxEntries, Duration ttl) {
		this.kind = kind;
		this.caches = caches;
		this.values = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(ttl).build();
	}

	/** The value of the key, from memory while the channel is open, else (and on a miss) from {@code store}; null is never kept. */
	public V get(String key, Function<String, V> store) {
		if (!this.caches.isOpen()) {
			return store.apply(key);
		}
		V cached = this.values.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		int stripe = stripe(key);
		long clearsBefore = this.clears.get();
		long before = this.invalidations.get(stripe);
		V value = store.apply(key);
		if (value != null && unchanged(stripe, before, clearsBefore) && this.caches.isOpen()) {
			this.values.put(key, value);
			if (!unchanged(stripe, before, clearsBefore) || !this.caches.isOpen()) {
				this.values.invalidate(key);
			}
		}
		return value;
	}

	/** Drops the key here and on every other instance: call after the write to the store. */
	public void invalidate(String key) {
		this.caches.invalidate(this.kind, key);
	}

	/** Drops every key here and on every other instance. */
	public void invalidateAll() {
		this.caches.invalidateAll();
	}

	/** Drops the key from this instance only (a message from the channel). */
	void evict(String key) {
		this.invalidations.incrementAndGet(stripe(key));
		this.values.invalidate(key);
	}

	void clear() {
		this.clears.incrementAndGet();
		this.values.invalidateAll();
	}

	long size() {
		this.values.cleanUp();
		return this.values.estimatedSize();
	}

	private boolean unchanged(int stripe, long before, long clearsBefore) {
		return this.invalidations.get(stripe) == before && this.clears.get() == clearsBefore;
	}

	private static int stripe(String key) {
		return (key.hashCode() & 0x7fffffff) % STRIPES;
	}
}
