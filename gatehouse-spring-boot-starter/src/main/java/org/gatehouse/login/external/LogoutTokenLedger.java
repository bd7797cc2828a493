package org.gatehouse.login.external;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The back-channel logout tokens already obeyed, by provider and token id ({@code jti}), in the database so that a
 * replay is refused on every instance; a row is kept until its token would be refused as too old anyway.
 */
class LogoutTokenLedger {

	private final JdbcClient jdbc;
	private final Clock clock;

	LogoutTokenLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records the token; false when it was recorded before (a replay). */
	boolean firstUse(String provider, String jti, Instant keepUntil) {
		jdbc.sql("delete from gh_external_logout_token where expires_at < ?").param(utc(clock.instant())).update();
		try {
			jdbc.sql("insert into gh_external_logout_token (provider, jti, expires_at) values (?, ?, ?)")
				.params(provider, jti, utc(keepUntil)).update();
			return true;
		}
		catch (DuplicateKeyException replay) {
			return false;
		}
	}

	/** Forgets a token whose logout could not be carried out, so that the provider may send it again. */
	void forget(String provider, String jti) {
		jdbc.sql("delete from gh_external_logout_token where provider = ? and jti = ?").params(provider, jti).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
