package org.gatehouse.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This instance's near caches and the channel that keeps them coherent with every other instance. A write anywhere
 * publishes the keys it changed; every instance (this one included) drops them when the message arrives. The caches
 * are read only while the channel is open: when it closes (subscriber disconnected, listening connection lost) they
 * are cleared and bypassed, and when it opens again they are cleared once more, since messages sent meanwhile are lost.
 */
public final class NearCaches {

	/** Kinds of cached value; a message is the kind, a colon and the key, or {@link #EVERYTHING}. */
	public static final char SESSIONS = 's';
	public static final char USERS = 'u';
	static final String EVERYTHING = "*";

	private static final Logger log = LoggerFactory.getLogger(NearCaches.class);

	private final Map<Character, NearCache<?>> caches = new ConcurrentHashMap<>();
	private final long maxEntries;
	private final Duration ttl;
	private volatile InvalidationChannel channel;
	private volatile boolean open;

	public NearCaches(long maxEntries, Duration ttl) {
		this.maxEntries = maxEntries;
		this.ttl = ttl;
	}

	/** Caches that are never read: no channel reaches every writer of the store. */
	public static NearCaches off() {
		return new NearCaches(1, Duration.ofSeconds(1));
	}

	@SuppressWarnings("unchecked")
	public <V> NearCache<V> cache(char kind) {
		return (NearCache<V>) this.caches.computeIfAbsent(kind, k -> new NearCache<>(k, this, this.maxEntries, this.ttl));
	}

	/** True while the caches may be read: a channel is connected and has not lost a message since it was cleared. */
	public boolean isOpen() {
		return this.open;
	}

	void use(InvalidationChannel channel) {
		this.channel = channel;
	}

	void invalidate(char kind, String key) {
		publishAfterWrite(kind + ":" + key);
	}

	void invalidateAll() {
		publishAfterWrite(EVERYTHING);
	}

	/**
	 * Drops the key here at once and everywhere through the channel; inside a transaction again after the commit,
	 * since until then another request may read the old value back from the store.
	 */
	private void publishAfterWrite(String message) {
		received(message);
		publish(message);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					received(message);
					publish(message);
				}
			});
		}
	}

	private void publish(String message) {
		InvalidationChannel current = this.channel;
		if (current != null) {
			current.publish(message);
		}
	}

	/** A message from the channel (or from this instance, for the in-process channel). */
	void received(String message) {
		if (EVERYTHING.equals(message)) {
			clear();
			return;
		}
		if (message.length() < 2 || message.charAt(1) != ':') {
			return;
		}
		NearCache<?> cache = this.caches.get(message.charAt(0));
		if (cache != null) {
			cache.evict(message.substring(2));
		}
	}

	/** The channel is connected and listening: what it missed is dropped, then the caches are read again. */
	void opened() {
		clear();
		this.open = true;
		clear();
		log.info("Near cache of sessions and users in use: invalidations arrive over {}", this.channel);
	}

	/** Messages may be lost from now on: bypass the caches until {@link #opened()}. */
	void closed() {
		boolean was = this.open;
		this.open = false;
		clear();
		if (was) {
			log.warn("Near cache of sessions and users bypassed: its invalidation channel ({}) is down", this.channel);
		}
	}

	private void clear() {
		this.caches.values().forEach(NearCache::clear);
	}
}
