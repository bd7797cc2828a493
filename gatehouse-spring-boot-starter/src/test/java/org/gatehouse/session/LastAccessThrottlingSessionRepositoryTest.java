package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.gatehouse.session.LastAccessThrottlingSessionRepository.TrackedSession;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

class LastAccessThrottlingSessionRepositoryTest {

	static final Duration INTERVAL = Duration.ofMinutes(1);

	/** The store as Spring Session keeps it, counting the writes that reach it. */
	static class CountingStore extends MapSessionRepository {

		int writes;

		CountingStore() {
			super(new ConcurrentHashMap<>());
		}

		@Override
		public void save(MapSession session) {
			this.writes++;
			super.save(session);
		}
	}

	final CountingStore store = new CountingStore();
	final LastAccessThrottlingSessionRepository<MapSession> repository = new LastAccessThrottlingSessionRepository<>(
			this.store, INTERVAL);

	private String newSession(Instant at) {
		TrackedSession<MapSession> session = this.repository.createSession();
		session.setLastAccessedTime(at);
		session.setAttribute("user", "ada");
		this.repository.save(session);
		return session.getId();
	}

	private TrackedSession<MapSession> touch(String id, Instant at) {
		TrackedSession<MapSession> session = this.repository.findById(id);
		session.setLastAccessedTime(at);
		this.repository.save(session);
		return session;
	}

	@Test
	void aNewSessionIsWritten() {
		String id = newSession(Instant.now());
		assertThat(this.store.writes).isEqualTo(1);
		assertThat(this.store.findById(id).<String>getAttribute("user")).isEqualTo("ada");
	}

	@Test
	void requestsThatOnlyTouchTheSessionWriteAtMostOncePerInterval() {
		Instant start = Instant.now();
		String id = newSession(start);
		for (int second = 1; second < 60; second++) {
			touch(id, start.plusSeconds(second));
		}
		assertThat(this.store.writes).as("59 touches within the interval").isEqualTo(1);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(start);

		touch(id, start.plusSeconds(60));
		assertThat(this.store.writes).isEqualTo(2);
		assertThat(this.store.findById(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
	}

	/**
	 * An idle timeout shorter than the write interval: the stored last access lagged until the store thought the
	 * session idle while it was being used, and ended it (401 in the middle of a busy session).
	 */
	@Test
	void aSessionInUseNeverLooksIdleToTheStoreWhateverItsIdleTimeout() {
		Instant start = Instant.now();
		TrackedSession<MapSession> created = this.repository.createSession();
		created.setLastAccessedTime(start);
		created.setMaxInactiveInterval(Duration.ofSeconds(40));
		this.repository.save(created);
		for (int second = 15; second <= 600; second += 15) {
			touch(created.getId(), start.plusSeconds(second));
			Instant stored = this.store.findById(created.getId()).getLastAccessedTime();
			assertThat(Duration.between(stored, start.plusSeconds(second))).as("lag at second " + second)
				.isLessThan(Duration.ofSeconds(40));
		}
	}

	@Test
	void everyChangeIsWrittenAtOnce() {
		Instant start = Instant.now();
		String id = newSession(start);

		TrackedSession<MapSession> session = this.repository.findById(id);
		session.setAttribute("user", "grace");
		this.repository.save(session);
		assertThat(this.store.findById(id).<String>getAttribute("user")).isEqualTo("grace");

		session = this.repository.findById(id);
		session.removeAttribute("user");
		this.repository.save(session);
		assertThat(this.store.findById(id).<String>getAttribute("user")).isNull();

		session = this.repository.findById(id);
		session.setMaxInactiveInterval(Duration.ofMinutes(5));
		this.repository.save(session);
		assertThat(this.store.findById(id).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.store.writes).isEqualTo(4);
	}

	@Test
	void deletedSessionsAreGone() {
		String id = newSession(Instant.now());
		this.repository.deleteById(id);
		assertThat(this.repository.findById(id)).isNull();
	}
}
