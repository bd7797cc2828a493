package org.gatehouse.passwordless;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The table gh_login_link: emailed sign-in links, by hashes only. Taking a link deletes it, so only one request can. */
class LoginLinkStore {

	/** A stored link: whose, bound to which browser, issued under which security stamp, until when. */
	record StoredLink(long id, long userId, String codeHash, String browserHash, String securityStamp,
			Instant expiresAt) {
	}

	private static final String COLUMNS = "id, user_id, code_hash, browser_hash, security_stamp, expires_at";

	private final JdbcClient jdbc;

	LoginLinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(long userId, String tokenHash, String codeHash, String browserHash, String securityStamp,
			Instant created, Instant expires) {
		jdbc.sql("insert into gh_login_link (user_id, token_hash, code_hash, browser_hash, security_stamp, "
				+ "created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(userId, tokenHash, codeHash, browserHash, securityStamp, at(created), at(expires))
			.update();
	}

	/** The unexpired link with this token hash. */
	Optional<StoredLink> findByToken(String tokenHash, Instant now) {
		return jdbc.sql("select " + COLUMNS + " from gh_login_link where token_hash = ? and expires_at > ?")
			.params(tokenHash, at(now))
			.query(LoginLinkStore::row)
			.optional();
	}

	/** The user's unexpired links asked for by this browser, whose codes may still be tried. */
	List<StoredLink> findForCode(long userId, String browserHash, Instant now) {
		return jdbc.sql("select " + COLUMNS + " from gh_login_link where user_id = ? and browser_hash = ? "
				+ "and expires_at > ?")
			.params(userId, browserHash, at(now))
			.query(LoginLinkStore::row)
			.list();
	}

	/** True for the one caller that took the link; everybody else (a replay, a race) gets false. */
	boolean take(long id) {
		return jdbc.sql("delete from gh_login_link where id = ?").param(id).update() == 1;
	}

	/** Counts a wrong code against the links it was tried on; links with too many wrong codes are deleted. */
	void codeFailed(List<StoredLink> links, int maxFailures) {
		if (links.isEmpty()) {
			return;
		}
		List<Long> ids = links.stream().map(StoredLink::id).toList();
		jdbc.sql("update gh_login_link set code_failures = code_failures + 1 where id in (:ids)").param("ids", ids)
			.update();
		jdbc.sql("delete from gh_login_link where id in (:ids) and code_failures >= :max").param("ids", ids)
			.param("max", maxFailures).update();
	}

	/** After a sign-in: the user's other links end. */
	int deleteAllFor(long userId) {
		return jdbc.sql("delete from gh_login_link where user_id = ?").param(userId).update();
	}

	/** Expired links go when their user asks for a new one: unknown addresses never add rows, so nothing else piles up. */
	int deleteExpiredFor(long userId, Instant now) {
		return jdbc.sql("delete from gh_login_link where user_id = ? and expires_at <= ?").params(userId, at(now))
			.update();
	}

	private static StoredLink row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new StoredLink(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime at(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
