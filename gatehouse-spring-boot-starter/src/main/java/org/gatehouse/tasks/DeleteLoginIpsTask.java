package org.gatehouse.tasks;

import java.time.Clock;
import java.time.Instant;

import org.gatehouse.account.UserStore;
import org.gatehouse.config.GatehouseProperties;
import org.gatehouse.session.SessionActivityStore;

/** Invenio's delete-login-ips: erases IP addresses older than the retention period. */
final class DeleteLoginIpsTask implements CleanupTask {

	private final UserStore users;
	private final SessionActivityStore activity;
	private final GatehouseProperties properties;
	private final Clock clock;

	DeleteLoginIpsTask(UserStore users, SessionActivityStore activity, GatehouseProperties properties,
			Clock clock) {
		this.users = users;
		this.activity = activity;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "delete-login-ips";
	}

	@Override
	public int run() {
		Instant cutoff = clock.instant().minus(properties.getTracking().getIpRetention());
		return users.eraseLoginIpsBefore(cutoff) + activity.eraseIpsSeenBefore(cutoff);
	}
}
