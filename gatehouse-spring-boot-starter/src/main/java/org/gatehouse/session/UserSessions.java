package org.gatehouse.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * A user's live sessions, found through the store's principal index, and their revocation.
 * Deleting from the shared store is what makes a revocation hold on every instance at once.
 */
@Service
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> repository;
	private final SessionActivityStore activity;
	private final Counter revocations;

	public UserSessions(FindByIndexNameSessionRepository<? extends Session> repository,
			SessionActivityStore activity, ObjectProvider<MeterRegistry> meters) {
		this.repository = repository;
		this.activity = activity;
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		this.revocations = Counter.builder("gatehouse.sessions.revoked").description("Sessions ended by revocation")
			.register(registry);
		Gauge.builder("gatehouse.sessions.active", activity, SessionActivityStore::count)
			.description("Logged-in sessions with an activity record").register(registry);
	}

	public List<SessionView> list(long userId, String currentSessionId) {
		Map<String, ? extends Session> live = live(userId);
		Map<String, SessionActivity> known = activity.findByUser(userId).stream()
			.collect(Collectors.toMap(SessionActivity::sessionHash, Function.identity()));
		List<SessionView> views = new ArrayList<>();
		live.forEach((id, session) -> {
			String hash = SessionIdHash.of(id);
			SessionActivity a = known.get(hash);
			Instant created = session.getCreationTime();
			Instant seen = a != null ? a.lastSeenAt() : session.getLastAccessedTime();
			views.add(a == null
					? new SessionView(hash, created, seen, null, null, null, null, null, null, id.equals(currentSessionId))
					: new SessionView(hash, created, seen, a.ip(), a.country(), a.browser(), a.browserVersion(), a.os(),
							a.device(), id.equals(currentSessionId)));
		});
		views.sort(Comparator.comparing(SessionView::current).reversed()
			.thenComparing(SessionView::lastSeenAt, Comparator.reverseOrder()));
		return views;
	}

	/** Revokes one of the user's own sessions, named by its public id; false when it is not theirs. */
	public boolean revoke(long userId, String sessionRef) {
		Optional<String> id = live(userId).keySet().stream().filter(s -> SessionIdHash.of(s).equals(sessionRef))
			.findFirst();
		id.ifPresent(this::delete);
		return id.isPresent();
	}

	public int revokeAllExcept(long userId, String keepSessionId) {
		int count = 0;
		for (String id : live(userId).keySet()) {
			if (!id.equals(keepSessionId)) {
				delete(id);
				count++;
			}
		}
		return count;
	}

	public int revokeAll(long userId) {
		return revokeAllExcept(userId, null);
	}

	public int count(long userId) {
		return live(userId).size();
	}

	private Map<String, ? extends Session> live(long userId) {
		return repository.findByPrincipalName(Long.toString(userId));
	}

	private void delete(String sessionId) {
		repository.deleteById(sessionId);
		revocations.increment();
		activity.delete(SessionIdHash.of(sessionId));
	}
}
