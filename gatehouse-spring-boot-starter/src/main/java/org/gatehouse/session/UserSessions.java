package org.gatehouse.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.account.SessionRevocation;
import org.gatehouse.cache.NearCache;
import org.gatehouse.cache.NearCaches;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * A user's live sessions, found through the store's principal index, and their revocation.
 * Deleting from the shared store is what makes a revocation hold on every instance at once.
 * Ending a session also ends the remember-me login of its browser (the series the session
 * names), which would otherwise log the revoked device straight back in.
 */
public class UserSessions implements SessionRevocation {

	private final FindByIndexNameSessionRepository<? extends Session> repository;
	private final SessionActivityStore activity;
	private final RememberMeTokenStore rememberMe;
	private final Counter revocations;
	private final NearCache<?> nearCache;

	public UserSessions(FindByIndexNameSessionRepository<? extends Session> repository,
			SessionActivityStore activity, RememberMeTokenStore rememberMe, ObjectProvider<MeterRegistry> meters,
			NearCaches nearCaches) {
		this.repository = repository;
		this.nearCache = nearCaches.cache(NearCaches.SESSIONS);
		this.activity = activity;
		this.rememberMe = rememberMe;
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
		Optional<? extends Session> session = live(userId).values().stream()
			.filter(s -> SessionIdHash.of(s.getId()).equals(sessionRef)).findFirst();
		session.ifPresent(this::delete);
		return session.isPresent();
	}

	/**
	 * Signs the user out everywhere but the kept session: every other session and every remember-me
	 * login but the kept session's own, including remembered browsers that have no live session now.
	 */
	@Override
	public int revokeAllExcept(long userId, String keepSessionId) {
		int count = 0;
		String keepSeries = null;
		for (Session session : live(userId).values()) {
			if (session.getId().equals(keepSessionId)) {
				keepSeries = session.getAttribute(RememberMeTokenStore.SESSION_SERIES_ATTRIBUTE);
			}
			else {
				delete(session);
				count++;
			}
		}
		rememberMe.deleteAllForExcept(userId, keepSeries);
		return count;
	}

	/**
	 * Ends the user's sessions whose attribute {@code name} matches (e.g. those an external provider's sign-in
	 * started), with their remember-me logins, as any revocation does; returns how many ended.
	 */
	public int revokeWithAttribute(long userId, String name, Predicate<Object> matches) {
		int count = 0;
		for (Session session : live(userId).values()) {
			Object value = session.getAttribute(name);
			if (value != null && matches.test(value)) {
				delete(session);
				count++;
			}
		}
		return count;
	}

	public int count(long userId) {
		return live(userId).size();
	}

	private Map<String, ? extends Session> live(long userId) {
		return repository.findByPrincipalName(Long.toString(userId));
	}

	private void delete(Session session) {
		String series = session.getAttribute(RememberMeTokenStore.SESSION_SERIES_ATTRIBUTE);
		if (series != null) {
			rememberMe.delete(series);
		}
		repository.deleteById(session.getId());
		String hash = SessionIdHash.of(session.getId());
		nearCache.invalidate(hash);
		revocations.increment();
		activity.delete(hash);
	}
}
