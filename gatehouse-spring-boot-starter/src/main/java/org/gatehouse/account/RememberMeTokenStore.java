package org.gatehouse.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** gh_remember_me: hashes of remember-me series and tokens, never the values themselves. */
@Repository
public class RememberMeTokenStore {

	public record Entry(long userId, String tokenHash, Instant expiresAt) {
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
		return jdbc.sql("select user_id, token_hash, expires_at from gh_remember_me where series_hash = ?")
			.param(seriesHash)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.optional();
	}

	public void delete(String seriesHash) {
		jdbc.sql("delete from gh_remember_me where series_hash = ?").param(seriesHash).update();
	}

	public int deleteAllFor(long userId) {
		return jdbc.sql("delete from gh_remember_me where user_id = ?").param(userId).update();
	}

	public int deleteExpired(Instant now) {
		return jdbc.sql("delete from gh_remember_me where expires_at < ?").param(at(now)).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
