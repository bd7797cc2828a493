package org.gatehouse.emailchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.tasks.CleanupTask;

/**
 * Deletes requests to change an address once neither of their links can work any more and the revert period
 * (gatehouse.change-email.revert-period) has passed since the request; the security log keeps the changes.
 */
class EndedEmailChangesTask implements CleanupTask {

	private final BatchedDelete deletes;
	private final EmailChangeProperties properties;
	private final Clock clock;

	EndedEmailChangesTask(BatchedDelete deletes, EmailChangeProperties properties, Clock clock) {
		this.deletes = deletes;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "ended-email-changes";
	}

	@Override
	public Optional<Duration> interval() {
		return Optional.of(properties.getCleanupInterval());
	}

	@Override
	public int run() {
		Instant now = clock.instant();
		// a revert period set longer after the request leaves its revert_expires_at in the future: it still counts
		return deletes.delete("gh_email_change", "id", "requested_at < ? and confirm_expires_at <= ? "
				+ "and (revert_expires_at is null or revert_expires_at <= ?)", now.minus(properties.getRevertPeriod()),
				now, now);
	}
}
