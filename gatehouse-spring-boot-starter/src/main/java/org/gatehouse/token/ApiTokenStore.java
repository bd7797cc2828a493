package org.gatehouse.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** gh_api_token, looked up by the SHA-256 of the presented token. */
@Repository
@DependsOnDatabaseInitialization
public class ApiTokenStore {

	private static final String COLUMNS = "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, "
			+ "revoked_at";

	private final JdbcClient jdbc;

	public ApiTokenStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long create(long userId, String name, String tokenHash, String prefix, Set<TokenScope> scopes,
			Instant createdAt, Instant expiresAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into gh_api_token (user_id, name, token_hash, prefix, scopes, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)")
			.params(userId, name, tokenHash, prefix, joined(scopes), at(createdAt), at(expiresAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<ApiToken> findByHash(String tokenHash) {
		return jdbc.sql("select " + COLUMNS + " from gh_api_token where token_hash = ?").param(tokenHash)
			.query(ApiTokenStore::map).optional();
	}

	public Optional<ApiToken> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from gh_api_token where id = ?").param(id)
			.query(ApiTokenStore::map).optional();
	}

	/** The user's tokens that are not revoked, newest first. */
	public List<ApiToken> listFor(long userId) {
		return jdbc.sql("select " + COLUMNS + " from gh_api_token where user_id = ? and revoked_at is null "
				+ "order by created_at desc, id desc").param(userId).query(ApiTokenStore::map).list();
	}

	/** Revokes one of the user's own tokens; false when it does not exist, is not theirs or is already revoked. */
	public boolean revoke(long userId, long id, Instant now) {
		return jdbc.sql("update gh_api_token set revoked_at = ? where id = ? and user_id = ? and revoked_at is null")
			.params(at(now), id, userId).update() == 1;
	}

	/** For the ban flow: every token of the user stops working at once. */
	public int revokeAllFor(long userId, Instant now) {
		return jdbc.sql("update gh_api_token set revoked_at = ? where user_id = ? and revoked_at is null")
			.params(at(now), userId).update();
	}

	/** Records a use, writing at most once per {@code interval} per token. */
	public void touch(long id, Instant now, Duration interval) {
		jdbc.sql("update gh_api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
			.params(at(now), id, at(now.minus(interval))).update();
	}

	private static ApiToken map(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"), rs.getString("prefix"),
				scopes(rs.getString("scopes")), instant(rs, "created_at"), instant(rs, "expires_at"),
				instant(rs, "last_used_at"), instant(rs, "revoked_at"));
	}

	private static String joined(Set<TokenScope> scopes) {
		return scopes.stream().sorted().map(TokenScope::value).collect(Collectors.joining(" "));
	}

	private static Set<TokenScope> scopes(String stored) {
		Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
		Arrays.stream(stored.split(" ")).map(TokenScope::parse).flatMap(Optional::stream).forEach(scopes::add);
		return scopes;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
