package org.gatehouse.session;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Hands requests only sessions whose every attribute reads back. A session holding a value the store cannot read
 * (a type off the allow-list, the Java-serialised format of earlier versions, corrupt data) is deleted and treated
 * as absent: the request goes on as anonymous (401 or the login page), never half-logged-in and never a 500.
 */
class ReadableSessionRepository<S extends Session> implements SessionRepository<S> {

	private final SessionRepository<S> store;

	ReadableSessionRepository(SessionRepository<S> store) {
		this.store = store;
	}

	@Override
	public S createSession() {
		return this.store.createSession();
	}

	@Override
	public void save(S session) {
		this.store.save(session);
	}

	@Override
	public S findById(String id) {
		S session = this.store.findById(id);
		if (session != null && !readable(session)) {
			this.store.deleteById(id);
			return null;
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	// the database store reads attributes lazily: read them all now, through the cache of deserialised values
	private static boolean readable(Session session) {
		for (String name : session.getAttributeNames()) {
			if (session.getAttribute(name) == SessionAttributeCodec.UNREADABLE) {
				return false;
			}
		}
		return true;
	}
}
