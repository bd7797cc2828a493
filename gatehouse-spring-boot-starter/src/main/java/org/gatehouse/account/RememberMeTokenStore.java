package org.gatehouse.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** gh_remember_me: hashes of remember-me series and tokens, never the values themselves. */
@Repository
@DependsOnDatabaseInitialization
public class RememberMeTokenStore {

	/**
	 * Session attribute naming the remember-me series (its hash) the session's browser holds, so
	 * that ending the session also ends the remember-me login that would bring it back.
	 */
	public static final String SESSION_SERIES_ATTRIBUTE = "gatehouse.rememberMe.series";

	/**
	 * @param previousTokenHash the token replaced at {@code rotatedAt}, or null before the first rotation
	 */
	public record Entry(long userId, String tokenHash, String previousTokenHash, Instant rotatedAt,
			Instant expiresAt) {
	}

	private final JdbcClient jdbc;

	public RememberMeTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void save(String seriesHash, long userId, String tokenHash, Instant created, Instant expires) {
		jdbc.sql("insert into gh_remember_me (series_hash, user_id, token_hash, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?)")
			.params(seriesHash, userId, tokenHash, at(created), at(expires)).update();
	}

	public Optional<Entry> find(String seriesHash) {
		return jdbc.sql("select user_id, token_hash, previous_token_hash, rotated_at, expires_at from gh_remember_me "
				+ "where series_hash = ?")
			.param(seriesHash)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3),
					instant(rs.getObject(4, OffsetDateTime.class)), rs.getObject(5, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/**
	 * Replaces the token, if it still is {@code expectedTokenHash} (compare-and-set: of two parallel
	 * requests with the same token only one rotates); the replaced token is kept as the previous one.
	 */
	public boolean rotate(String seriesHash, String expectedTokenHash, String newTokenHash, Instant now) {
		return jdbc.sql("update gh_remember_me set previous_token_hash = token_hash, token_hash = ?, rotated_at = ? "
				+ "where series_hash = ? and token_hash = ?")
			.params(newTokenHash, at(now), seriesHash, expectedTokenHash).update() == 1;
	}

	public void delete(String seriesHash) {
		jdbc.sql("delete from gh_remember_me where series_hash = ?").param(seriesHash).update();
	}

	public int deleteAllFor(long userId) {
		return jdbc.sql("delete from gh_remember_me where user_id = ?").param(userId).update();
	}

	/** Every remember-me login of the user but the one named (null keeps none). */
	public int deleteAllForExcept(long userId, String keepSeriesHash) {
		if (keepSeriesHash == null) {
			return deleteAllFor(userId);
		}
		return jdbc.sql("delete from gh_remember_me where user_id = ? and series_hash <> ?")
			.params(userId, keepSeriesHash).update();
	}

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
