package org.gatehouse.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The default {@link RememberMeTokenStore}: the table gh_remember_me. */
class JdbcRememberMeTokenStore implements RememberMeTokenStore {

	private final JdbcClient jdbc;

	JdbcRememberMeTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(String seriesHash, long userId, String tokenHash, Instant created, Instant expires) {
		jdbc.sql("insert into gh_remember_me (series_hash, user_id, token_hash, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?)")
			.params(seriesHash, userId, tokenHash, at(created), at(expires)).update();
	}

	@Override
	public Optional<Entry> find(String seriesHash) {
		return jdbc.sql("select user_id, token_hash, previous_token_hash, rotated_at, expires_at from gh_remember_me "
				+ "where series_hash = ?")
			.param(seriesHash)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
					instant(rs.getObject(4, OffsetDateTime.class)), rs.getObject(5, OffsetDateTime.class).toInstant()))
			.optional();
	}

	@Override
	public boolean rotate(String seriesHash, String expectedTokenHash, String newTokenHash, Instant now) {
		return jdbc.sql("update gh_remember_me set previous_token_hash = token_hash, token_hash = ?, rotated_at = ? "
				+ "where series_hash = ? and token_hash = ?")
			.params(newTokenHash, at(now), seriesHash, expectedTokenHash).update() == 1;
	}

	@Override
	public void delete(String seriesHash) {
		jdbc.sql("delete from gh_remember_me where series_hash = ?").param(seriesHash).update();
	}

	@Override
	public int deleteAllFor(long userId) {
		return jdbc.sql("delete from gh_remember_me where user_id = ?").param(userId).update();
	}

	@Override
	public int deleteAllForExcept(long userId, String keepSeriesHash) {
		if (keepSeriesHash == null) {
			return deleteAllFor(userId);
		}
		return jdbc.sql("delete from gh_remember_me where user_id = ? and series_hash <> ?")
			.params(userId, keepSeriesHash).update();
	}

	@Override
	public int deleteExpired(Instant now) {
		return jdbc.sql("delete from gh_remember_me where expires_at < ?").param(at(now)).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
