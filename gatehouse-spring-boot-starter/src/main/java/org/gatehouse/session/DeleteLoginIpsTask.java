package org.gatehouse.session;

import java.time.Clock;
import java.time.Instant;

import org.gatehouse.account.UserStore;
import org.gatehouse.account.TrackingProperties;
import org.gatehouse.tasks.CleanupTask;

/** Invenio's delete-login-ips: erases IP addresses older than the retention period. */
final class DeleteLoginIpsTask implements CleanupTask {

	private final UserStore users;
	private final SessionActivityStore activity;
	private final TrackingProperties properties;
	private final Clock clock;

	DeleteLoginIpsTask(UserStore users, SessionActivityStore activity, TrackingProperties properties,
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
		Instant cutoff = clock.instant().minus(properties.getIpRetention());
		return users.eraseLoginIpsBefore(cutoff) + activity.eraseIpsSeenBefore(cutoff);
	}
}
