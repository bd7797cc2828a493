package org.gatehouse.passwordless;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.tasks.CleanupTask;

/** Deletes emailed sign-in links that expired unused (a used link is deleted when it is taken). */
class ExpiredLoginLinksTask implements CleanupTask {

	private final BatchedDelete deletes;
	private final PasswordlessProperties properties;
	private final Clock clock;

	ExpiredLoginLinksTask(BatchedDelete deletes, PasswordlessProperties properties, Clock clock) {
		this.deletes = deletes;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "expired-login-links";
	}

	@Override
	public Optional<Duration> interval() {
		return Optional.of(properties.getCleanupInterval());
	}

	@Override
	public int run() {
		return deletes.delete("gh_login_link", "id", "expires_at <= ?", clock.instant());
	}
}
