package org.gatehouse.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

/** Requests still in flight when their session ends or moves: the memory store must not bring the old one back. */
class InMemoryIndexedSessionRepositoryTest {

	final InMemoryIndexedSessionRepository store = new InMemoryIndexedSessionRepository(Duration.ofMinutes(30),
			new RandomSessionIdGenerator());

	private String saved() {
		MapSession session = store.createSession();
		session.setAttribute("user", "ada");
		store.save(session);
		return session.getId();
	}

	@Test
	void aRevokedSessionSavedByARequestInFlightStaysRevoked() {
		String id = saved();
		MapSession inFlight = store.findById(id);
		store.deleteById(id);
		inFlight.setAttribute("seen", 1L);
		store.save(inFlight);
		assertThat(store.findById(id)).isNull();
	}

	@Test
	void aRotatedIdIsNotBroughtBackByARequestThatLoadedTheOldOne() {
		String id = saved();
		MapSession inFlight = store.findById(id);
		MapSession rotating = store.findById(id);
		String rotated = rotating.changeSessionId();
		store.save(rotating);
		store.save(inFlight);
		assertThat(store.findById(id)).isNull();
		assertThat(store.findById(rotated).<String>getAttribute("user")).isEqualTo("ada");
		// the rotating request saves again once its response is written
		rotating.setAttribute("after", true);
		store.save(rotating);
		assertThat(store.findById(rotated).<Boolean>getAttribute("after")).isTrue();
	}

	@Test
	void aNewSessionIsSavedEvenWhenItsIdChangedBeforeItsFirstSave() {
		MapSession session = store.createSession();
		String rotated = session.changeSessionId();
		store.save(session);
		assertThat(store.findById(rotated)).isNotNull();
	}
}
