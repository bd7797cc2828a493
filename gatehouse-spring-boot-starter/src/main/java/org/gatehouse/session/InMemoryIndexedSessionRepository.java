package org.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.SessionIdGenerator;

/**
 * The "memory" store. Spring Session's MapSessionRepository cannot find a user's sessions,
 * which revocation needs, so this adds the principal index on top of a map.
 */
class InMemoryIndexedSessionRepository implements FindByIndexNameSessionRepository<MapSession> {

	private final Map<String, MapSession> sessions = new ConcurrentHashMap<>();
	private final PrincipalNameIndexResolver<MapSession> principalResolver = new PrincipalNameIndexResolver<>();
	private final Duration maxInactiveInterval;
	private final SessionIdGenerator idGenerator;

	public InMemoryIndexedSessionRepository(Duration maxInactiveInterval, SessionIdGenerator idGenerator) {
		this.maxInactiveInterval = maxInactiveInterval;
		this.idGenerator = idGenerator;
	}

	/** Ids of sessions created but not saved yet: the only ones a save may add. */
	private final Set<String> unsaved = ConcurrentHashMap.newKeySet();

	@Override
	public MapSession createSession() {
		MapSession session = new MapSession(idGenerator.generate());
		session.setMaxInactiveInterval(maxInactiveInterval);
		session.setSessionIdGenerator(idGenerator);
		unsaved.add(session.getId());
		return session;
	}

	/**
	 * Writes a session back only while the store still has it: a request still in flight when its session was
	 * revoked, logged out or given a new id must not bring the old one back.
	 */
	@Override
	public void save(MapSession session) {
		String original = session.getOriginalId();
		MapSession copy = new MapSession(session);
		if (unsaved.remove(original)) {
			sessions.put(session.getId(), copy);
		}
		else if (original.equals(session.getId())) {
			sessions.computeIfPresent(original, (id, stored) -> copy);
		}
		else if (sessions.remove(original) != null) {
			sessions.put(session.getId(), copy);
		}
		else {
			// saved again after its own rotation (the response was committed first)
			sessions.computeIfPresent(session.getId(), (id, stored) -> copy);
		}
	}

	@Override
	public MapSession findById(String id) {
		MapSession saved = sessions.get(id);
		if (saved == null) {
			return null;
		}
		if (saved.isExpired()) {
			sessions.remove(id);
			return null;
		}
		MapSession copy = new MapSession(saved);
		copy.setSessionIdGenerator(idGenerator);
		return copy;
	}

	@Override
	public void deleteById(String id) {
		sessions.remove(id);
	}

	@Override
	public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, MapSession> found = new HashMap<>();
		if (!PRINCIPAL_NAME_INDEX_NAME.equals(indexName)) {
			return found;
		}
		sessions.values().forEach(s -> {
			if (!s.isExpired() && indexValue.equals(principalResolver.resolveIndexValueFor(s))) {
				found.put(s.getId(), new MapSession(s));
			}
		});
		return found;
	}

	/** Drops expired sessions; called by the session-cleaner task. */
	public int removeExpired() {
		int before = sessions.size();
		sessions.values().removeIf(MapSession::isExpired);
		return before - sessions.size();
	}
}
