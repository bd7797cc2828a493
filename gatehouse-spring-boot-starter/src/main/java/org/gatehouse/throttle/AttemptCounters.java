package org.gatehouse.throttle;

import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;

/**
 * Expiring counters shared by everything that throttles. Every operation on one key is
 * atomic, also across instances when the store is shared.
 */
public interface AttemptCounters {

	/** Adds one; a key that did not exist starts a fixed window of the given length. */
	Count increment(String key, Duration window);

	/** Adds a member to a set whose window starts with its first member; returns the number of members. */
	long addDistinct(String key, String member, Duration window);

	/** Stores a number (a lock-until time) that disappears after ttl. */
	void put(String key, long value, Duration ttl);

	OptionalLong get(String key);

	void delete(Collection<String> keys);
}
