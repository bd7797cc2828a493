package org.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Writes a session back to its store only when something in it changed, or when its last-access time has moved
 * by at least the write interval since it was loaded (an interval of zero writes every request). Spring Session's
 * own repositories write every request, because every request moves the last-access time: with one store round
 * trip and one row lock per request, a busy session serialises its own requests. Idle expiry then counts from the
 * last written access, so a session can end up to one interval early, never late; the interval is capped at half the
 * idle timeout, so a session in use never looks idle to the store.
 * <p>
 * A session id that this request changed is moved in the store by {@link SessionIdRotation} first, for stores whose
 * save does not write the id (see SessionStoreAutoConfiguration: a save there must not write back an id another
 * request has since rotated).
 */
class LastAccessThrottlingSessionRepository<S extends Session>
		implements SessionRepository<LastAccessThrottlingSessionRepository.TrackedSession<S>> {

	private final SessionRepository<S> store;
	private final Duration writeInterval;
	private final SessionIdRotation rotation;

	public LastAccessThrottlingSessionRepository(SessionRepository<S> store, Duration writeInterval) {
		this(store, writeInterval, SessionIdRotation.BY_STORE);
	}

	public LastAccessThrottlingSessionRepository(SessionRepository<S> store, Duration writeInterval,
			SessionIdRotation rotation) {
		this.store = store;
		this.writeInterval = writeInterval;
		this.rotation = rotation;
	}

	@Override
	public TrackedSession<S> createSession() {
		TrackedSession<S> session = new TrackedSession<>(this.store.createSession());
		session.changed = true;
		session.storedId = null;
		return session;
	}

	@Override
	public void save(TrackedSession<S> session) {
		if (session.changed || !session.loadedLastAccess.plus(interval(session)).isAfter(session.getLastAccessedTime())) {
			if (session.storedId != null && !session.storedId.equals(session.getId())) {
				this.rotation.rotate(session.storedId, session.getId());
			}
			this.store.save(session.delegate);
			session.changed = false;
			session.storedId = session.getId();
			session.loadedLastAccess = session.getLastAccessedTime();
		}
	}

	/** At most half the idle timeout: a session in use must never look idle to the store, whatever its timeout. */
	private Duration interval(Session session) {
		Duration idle = session.getMaxInactiveInterval();
		return (!idle.isNegative() && !idle.isZero() && idle.dividedBy(2).compareTo(this.writeInterval) < 0) ? idle.dividedBy(2)
				: this.writeInterval;
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
		/** The id the store has the session under; null until a new session is first saved. */
		private String storedId;

		TrackedSession(S delegate) {
			this.delegate = delegate;
			this.loadedLastAccess = delegate.getLastAccessedTime();
			this.storedId = delegate.getId();
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
