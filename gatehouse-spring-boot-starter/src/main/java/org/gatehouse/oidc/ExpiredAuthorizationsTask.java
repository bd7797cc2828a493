package org.gatehouse.oidc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.gatehouse.tasks.BatchedDelete;
import org.gatehouse.tasks.CleanupTask;

/**
 * Deletes authorizations whose every token (code, access, ID and refresh token) expired longer ago than
 * gatehouse.oidc.expired-authorization-retention, abandoned consent requests older than that, and the hashes of
 * replaced refresh tokens once those tokens would have expired (reuse detection has nothing left to catch). The
 * retention keeps RP-initiated logout working: it finds the user's authorization by the ID token the relying party
 * presents, an expired one included.
 */
class ExpiredAuthorizationsTask implements CleanupTask {

	private static final String ALL_TOKENS_EXPIRED =
			"(authorization_code_expires_at is null or authorization_code_expires_at < ?) "
			+ "and (access_token_expires_at is null or access_token_expires_at < ?) "
			+ "and (oidc_id_token_expires_at is null or oidc_id_token_expires_at < ?) "
			+ "and (refresh_token_expires_at is null or refresh_token_expires_at < ?) "
			+ "and (user_code_expires_at is null or user_code_expires_at < ?) "
			+ "and (device_code_expires_at is null or device_code_expires_at < ?) "
			// a consent request holds no token: its age decides
			+ "and created_at < ?";

	private final BatchedDelete deletes;
	private final OidcProperties properties;
	private final Clock clock;

	ExpiredAuthorizationsTask(BatchedDelete deletes, OidcProperties properties, Clock clock) {
		this.deletes = deletes;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "expired-oidc-authorizations";
	}

	@Override
	public Optional<Duration> interval() {
		return Optional.of(properties.getCleanupInterval());
	}

	@Override
	public int run() {
		Instant now = clock.instant();
		Instant cutoff = now.minus(properties.getExpiredAuthorizationRetention());
		int removed = deletes.delete("oauth2_authorization", "id", ALL_TOKENS_EXPIRED, cutoff, cutoff, cutoff, cutoff,
				cutoff, cutoff, cutoff);
		return removed + deletes.delete("gh_oidc_replaced_refresh_token", "token_hash", "expires_at < ?", now);
	}
}
