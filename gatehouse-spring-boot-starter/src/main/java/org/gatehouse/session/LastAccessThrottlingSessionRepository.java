package org.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Writes a session back to its store only when something in it changed, or when its last-access time has moved
 * by at least the write interval since it was loaded. Spring Session's own repositories write every request,
 * because every request moves the last-access time: with one store round trip and one row lock per request, a
 * busy session serialises its own requests. Idle expiry then counts from the last written access, so a session
 * can end up to one interval early, never late.
 */
public class LastAccessThrottlingSessionRepository<S extends Session>
		implements SessionRepository<LastAccessThrottlingSessionRepository.TrackedSession<S>> {

	private final SessionRepository<S> store;
	private final Duration writeInterval;

	public LastAccessThrottlingSessionRepository(SessionRepository<S> store, Duration writeInterval) {
		this.store = store;
		this.writeInterval = writeInterval;
	}

	@Override
	public TrackedSession<S> createSession() {
		TrackedSession<S> session = new TrackedSession<>(this.store.createSession());
		session.changed = true;
		return session;
	}

	@Override
	public void save(TrackedSession<S> session) {
		if (session.changed || !session.loadedLastAccess.plus(this.writeInterval).isAfter(session.getLastAccessedTime())) {
			this.store.save(session.delegate);
			session.changed = false;
			session.loadedLastAccess = session.getLastAccessedTime();
		}
	}

	@Override
	public TrackedSession<S> findById(String id) {
		S session = this.store.findById(id);
		return (session != null) ? new TrackedSession<>(session) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	/** A store's session that remembers whether it needs writing. */
	public static final class TrackedSession<S extends Session> implements Session {

		private final S delegate;
		private boolean changed;
		private Instant loadedLastAccess;

		TrackedSession(S delegate) {
			this.delegate = delegate;
			this.loadedLastAccess = delegate.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.delegate.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.delegate.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.delegate.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.delegate.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.changed = true;
			this.delegate.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.changed = true;
			this.delegate.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return this.delegate.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.delegate.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.delegate.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.delegate.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.delegate.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.delegate.isExpired();
		}
	}
}
