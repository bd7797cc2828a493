package org.gatehouse.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** gh_session_activity: one row per live session, keyed by the hash of its id. */
@Repository
@DependsOnDatabaseInitialization
public class SessionActivityStore {

	private final JdbcClient jdbc;

	public SessionActivityStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public void upsert(SessionActivity a) {
		int updated = jdbc.sql("update gh_session_activity set last_seen_at = ?, ip = ?, country = ?, browser = ?, "
				+ "browser_version = ?, os = ?, device = ? where session_hash = ?")
			.params(at(a.lastSeenAt()), a.ip(), a.country(), a.browser(), a.browserVersion(), a.os(), a.device(),
					a.sessionHash())
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into gh_session_activity (session_hash, user_id, created_at, last_seen_at, ip, country, "
						+ "browser, browser_version, os, device) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(a.sessionHash(), a.userId(), at(a.createdAt()), at(a.lastSeenAt()), a.ip(), a.country(),
							a.browser(), a.browserVersion(), a.os(), a.device())
					.update();
			}
			catch (DuplicateKeyException raced) {
				// a parallel request of the same session inserted the record first, with the same moment
			}
		}
	}

	public List<SessionActivity> findByUser(long userId) {
		return jdbc.sql("select * from gh_session_activity where user_id = ?").param(userId).query(this::map).list();
	}

	public Optional<SessionActivity> find(String sessionHash) {
		return jdbc.sql("select * from gh_session_activity where session_hash = ?").param(sessionHash)
			.query(this::map).optional();
	}

	public long count() {
		return jdbc.sql("select count(*) from gh_session_activity").query(Long.class).single();
	}

	public void delete(String sessionHash) {
		jdbc.sql("delete from gh_session_activity where session_hash = ?").param(sessionHash).update();
	}

	/** Removes the user's rows whose sessions are no longer live. */
	public int deleteForUserExcept(long userId, Collection<String> liveHashes) {
		List<String> stale = findByUser(userId).stream().map(SessionActivity::sessionHash)
			.filter(h -> !liveHashes.contains(h)).toList();
		stale.forEach(this::delete);
		return stale.size();
	}

	/** Activity of sessions idle for longer than the store keeps them. */
	public int deleteSeenBefore(Instant cutoff) {
		return jdbc.sql("delete from gh_session_activity where last_seen_at < ?").param(at(cutoff)).update();
	}

	public int deleteCreatedBefore(Instant cutoff) {
		return jdbc.sql("delete from gh_session_activity where created_at < ?").param(at(cutoff)).update();
	}

	public int eraseIpsSeenBefore(Instant cutoff) {
		return jdbc.sql("update gh_session_activity set ip = null where ip is not null and last_seen_at < ?")
			.param(at(cutoff)).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private SessionActivity map(ResultSet rs, int row) throws SQLException {
		return new SessionActivity(rs.getString("session_hash"), rs.getLong("user_id"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(), rs.getString("ip"),
				rs.getString("country"), rs.getString("browser"), rs.getString("browser_version"),
				rs.getString("os"), rs.getString("device"));
	}
}
