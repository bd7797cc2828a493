package org.gatehouse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NearCacheTest {

	final NearCaches caches = new NearCaches(100, Duration.ofMinutes(1));
	final NearCache<String> users = caches.cache(NearCaches.USERS);

	@Test
	void aValueReadWhileItsKeyIsInvalidatedIsNotKept() {
		caches.opened();
		// the store answered before a write whose invalidation arrives before the answer is kept
		assertThat(users.get("1", key -> {
			caches.received("u:1");
			return "before the write";
		})).isEqualTo("before the write");
		assertThat(users.get("1", key -> "after the write")).isEqualTo("after the write");
		assertThat(users.get("1", key -> "not read")).isEqualTo("after the write");
	}

	@Test
	void aValueReadWhileTheCachesAreClearedIsNotKept() {
		caches.opened();
		users.get("1", key -> {
			caches.received(NearCaches.EVERYTHING);
			return "before";
		});
		assertThat(users.get("1", key -> "after")).isEqualTo("after");
	}

	@Test
	void aClosedChannelMeansEveryReadGoesToTheStoreAndReopeningStartsEmpty() {
		assertThat(users.get("1", key -> "a")).isEqualTo("a");
		assertThat(users.get("1", key -> "b")).as("never opened").isEqualTo("b");
		caches.opened();
		users.get("1", key -> "c");
		assertThat(users.get("1", key -> "not read")).isEqualTo("c");
		caches.closed();
		assertThat(users.get("1", key -> "d")).as("closed").isEqualTo("d");
		caches.opened();
		assertThat(users.get("1", key -> "e")).as("cleared when reopened").isEqualTo("e");
	}

	@Test
	void messagesEvictOnlyTheirKindAndKey() {
		caches.opened();
		NearCache<String> sessions = caches.cache(NearCaches.SESSIONS);
		users.get("1", key -> "user 1");
		users.get("2", key -> "user 2");
		sessions.get("1", key -> "session 1");
		caches.received("u:1");
		caches.received("garbage");
		assertThat(users.get("1", key -> "user 1 again")).isEqualTo("user 1 again");
		assertThat(users.get("2", key -> "not read")).isEqualTo("user 2");
		assertThat(sessions.get("1", key -> "not read")).isEqualTo("session 1");
	}

	@Test
	void anEmbeddedH2DatabaseUsesTheInProcessChannel() {
		assertThat(NearCacheAutoConfiguration.isEmbeddedH2("H2", "jdbc:h2:mem:x;MODE=PostgreSQL")).isTrue();
		assertThat(NearCacheAutoConfiguration.isEmbeddedH2("H2", "jdbc:h2:file:./data/gatehouse;AUTO_SERVER=TRUE")).isTrue();
		assertThat(NearCacheAutoConfiguration.isEmbeddedH2("H2", "jdbc:h2:tcp://localhost/x")).isFalse();
		assertThat(NearCacheAutoConfiguration.isEmbeddedH2("MySQL", "jdbc:mysql://localhost/x")).isFalse();
	}
}
