package org.gatehouse.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.PrincipalNameIndexResolver;
import org.springframework.session.SessionIdGenerator;

/**
 * The "memory" store. Spring Session's MapSessionRepository cannot find a user's sessions,
 * which revocation needs, so this adds the principal index on top of a map.
 */
public class InMemoryIndexedSessionRepository implements FindByIndexNameSessionRepository<MapSession> {

	private final Map<String, MapSession> sessions = new ConcurrentHashMap<>();
	private final PrincipalNameIndexResolver<MapSession> principalResolver = new PrincipalNameIndexResolver<>();
	private final Duration maxInactiveInterval;
	private final SessionIdGenerator idGenerator;

	public InMemoryIndexedSessionRepository(Duration maxInactiveInterval, SessionIdGenerator idGenerator) {
		this.maxInactiveInterval = maxInactiveInterval;
		this.idGenerator = idGenerator;
	}

	@Override
	public MapSession createSession() {
		MapSession session = new MapSession(idGenerator.generate());
		session.setMaxInactiveInterval(maxInactiveInterval);
		session.setSessionIdGenerator(idGenerator);
		return session;
	}

	@Override
	public void save(MapSession session) {
		if (!session.getId().equals(session.getOriginalId())) {
			sessions.remove(session.getOriginalId());
		}
		sessions.put(session.getId(), new MapSession(session));
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
