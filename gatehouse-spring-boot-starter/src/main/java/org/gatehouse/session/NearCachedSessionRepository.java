package org.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gatehouse.cache.NearCache;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Serves sessions from this instance's near cache ({@link NearCache}, keyed by the session's public hash) and goes
 * to the store only on a miss or to write. A session read from the cache is a copy of what the store returned (only
 * sessions whose every value is {@link ShareableValues shareable} are kept); its first change loads the store's own
 * session, which the change and the save then go to. Every save and delete invalidates the session on every instance;
 * a copy never outlives the session's idle timeout counted from the last access the store had when it was read.
 */
class NearCachedSessionRepository<S extends Session> implements SessionRepository<NearCachedSessionRepository.CachedSession<S>> {

	private final SessionRepository<S> store;
	private final NearCache<MapSession> cache;

	NearCachedSessionRepository(SessionRepository<S> store, NearCache<MapSession> cache) {
		this.store = store;
		this.cache = cache;
	}

	@Override
	public CachedSession<S> createSession() {
		CachedSession<S> session = new CachedSession<>(this.store, this.store.createSession());
		session.created = true;
		return session;
	}

	@Override
	public void save(CachedSession<S> session) {
		if (session.gone) {
			return;
		}
		S stored = session.stored();
		if (stored == null) {
			return;
		}
		this.store.save(stored);
		// a new id was never in any cache: a miss keeps nothing
		if (!session.created) {
			this.cache.invalidate(SessionIdHash.of(session.loadedId));
		}
		session.created = false;
		session.loadedId = stored.getId();
	}

	@Override
	public CachedSession<S> findById(String id) {
		String key = SessionIdHash.of(id);
		List<S> read = new ArrayList<>(1);
		MapSession cached = this.cache.get(key, k -> snapshot(read(id, read)));
		if (cached != null && cached.isExpired()) {
			this.cache.invalidate(key);
			cached = null;
			read(id, read);
		}
		if (!read.isEmpty()) {
			S stored = read.get(read.size() - 1);
			return (stored != null) ? new CachedSession<>(this.store, stored) : null;
		}
		return (cached != null) ? new CachedSession<>(this.store, copy(cached)) : null;
	}

	/** The store's session (or null), also remembered in {@code read}: a miss hands it out as it is. */
	private S read(String id, List<S> read) {
		S session = this.store.findById(id);
		read.add(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
		this.cache.invalidate(SessionIdHash.of(id));
	}

	/** The store's session as a map, or null when it is absent or holds a value that must not be shared. */
	private static MapSession snapshot(Session session) {
		if (session == null) {
			return null;
		}
		for (String name : session.getAttributeNames()) {
			if (!ShareableValues.isShareable(session.getAttribute(name))) {
				return null;
			}
		}
		return new MapSession(session);
	}

	private static MapSession copy(MapSession shared) {
		MapSession copy = new MapSession(shared.getId());
		copy.setCreationTime(shared.getCreationTime());
		copy.setLastAccessedTime(shared.getLastAccessedTime());
		copy.setMaxInactiveInterval(shared.getMaxInactiveInterval());
		for (String name : shared.getAttributeNames()) {
			copy.setAttribute(name, ShareableValues.handOut(shared.getAttribute(name)));
		}
		return copy;
	}

	/**
	 * A session read from the cache (a private copy) until its first change, which loads the store's session; one
	 * created or loaded by the store is the store's throughout.
	 */
	static final class CachedSession<S extends Session> implements Session {

		private final SessionRepository<S> store;
		private MapSession copy;
		private S stored;
		private String loadedId;
		/** Not saved yet. */
		private boolean created;
		/** The store no longer has this session (revoked meanwhile): changes stay in memory and are not saved. */
		private boolean gone;

		CachedSession(SessionRepository<S> store, S stored) {
			this.store = store;
			this.stored = stored;
			this.loadedId = stored.getId();
		}

		CachedSession(SessionRepository<S> store, MapSession copy) {
			this.store = store;
			this.copy = copy;
			this.loadedId = copy.getId();
		}

		/** The store's session, loaded now if this one came from the cache; null when the store no longer has it. */
		S stored() {
			if (this.stored == null && !this.gone) {
				S loaded = this.store.findById(this.loadedId);
				if (loaded == null) {
					this.gone = true;
					return null;
				}
				loaded.setLastAccessedTime(this.copy.getLastAccessedTime());
				this.stored = loaded;
				this.copy = null;
			}
			return this.stored;
		}

		/** Where a change goes: the store's session, or the private copy when the session is gone. */
		private Session forChange() {
			S session = stored();
			return (session != null) ? session : this.copy;
		}

		private Session forRead() {
			return (this.stored != null) ? this.stored : this.copy;
		}

		@Override
		public String getId() {
			return forRead().getId();
		}

		@Override
		public String changeSessionId() {
			return forChange().changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return forRead().getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return forRead().getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			forChange().setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			forChange().removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return forRead().getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			forRead().setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return forRead().getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			forChange().setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return forRead().getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return forRead().isExpired();
		}
	}
}
