package org.gatehouse.tasks;

import java.time.Clock;
import java.time.Instant;

import org.gatehouse.account.RememberMeTokenStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.session.InMemoryIndexedSessionRepository;
import org.gatehouse.session.SessionActivityStore;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Invenio's session-cleaner: removes activity records of sessions that can no longer be
 * alive (unseen for longer than the idle timeout plus one write interval, or older than the
 * absolute lifetime) and expired remember-me logins.
 */
final class SessionCleanerTask implements CleanupTask {

	private final SessionActivityStore activity;
	private final RememberMeTokenStore rememberMe;
	private final ObjectProvider<InMemoryIndexedSessionRepository> memoryStore;
	private final GatehouseProperties properties;
	private final Clock clock;

	SessionCleanerTask(SessionActivityStore activity, RememberMeTokenStore rememberMe,
			ObjectProvider<InMemoryIndexedSessionRepository> memoryStore, GatehouseProperties properties, Clock clock) {
		this.activity = activity;
		this.rememberMe = rememberMe;
		this.memoryStore = memoryStore;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "session-cleaner";
	}

	@Override
	public int run() {
		GatehouseProperties.Session session = properties.getSession();
		Instant now = clock.instant();
		Instant unseen = now.minus(session.getIdleTimeout()).minus(session.getActivityWriteInterval());
		int removed = activity.deleteSeenBefore(unseen) + activity.deleteCreatedBefore(now.minus(session.getAbsoluteTimeout()));
		removed += rememberMe.deleteExpired(now);
		InMemoryIndexedSessionRepository memory = memoryStore.getIfAvailable();
		if (memory != null) {
			removed += memory.removeExpired();
		}
		return removed;
	}
}
