package org.gatehouse.migration.invenio;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.gatehouse.migration.invenio.MigrationReport.Table;
import org.gatehouse.token.PersonalAccessTokens;
import org.gatehouse.token.TokenScope;

/**
 * invenio-oauth2server's personal access tokens into gh_api_token, keeping the token's value (only its SHA-256
 * is stored, as for Gatehouse's own tokens) so users' scripts keep working. Scopes are mapped to Gatehouse's;
 * a token lives at most gatehouse.api.token-max-lifetime from the migration on.
 */
final class TokenMigration extends UserRowsMigration<TokenMigration.InvenioToken> {

	record InvenioToken(int id, Integer userId, String encrypted, Instant expires, String scopes, boolean personal,
			boolean internal, String clientName) {
	}

	/** Invenio's scopes with a Gatehouse equivalent; every other scope is dropped (and reported). */
	static final Map<String, TokenScope> SCOPES = Map.of("user:email", TokenScope.USER_READ);

	private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}]");
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{20,100}");

	private final InvenioTokenCipher cipher;
	private final Duration maxLifetime;

	TokenMigration(MigrationRun run, InvenioTokenCipher cipher, Duration maxLifetime) {
		super(run);
		this.cipher = cipher;
		this.maxLifetime = maxLifetime;
	}

	@Override
	Table table() {
		return Table.TOKENS;
	}

	@Override
	MigrationLedger.Kind kind() {
		return MigrationLedger.Kind.TOKEN;
	}

	@Override
	String query() {
		return run.source.schema().tokens() ? "select t.id, t.user_id, t.access_token, t.expires, t._scopes, t.is_personal, "
				+ "t.is_internal, c.name from oauth2server_token t left join oauth2server_client c on c.client_id = t.client_id"
				: null;
	}

	@Override
	InvenioToken map(ResultSet rs) throws SQLException {
		int user = rs.getInt("user_id");
		Integer userId = rs.wasNull() ? null : user;
		return new InvenioToken(rs.getInt("id"), userId, rs.getString("access_token"), InvenioSource.instant(rs, "expires"),
				rs.getString("_scopes"), rs.getBoolean("is_personal"), rs.getBoolean("is_internal"), rs.getString("name"));
	}

	@Override
	String key(InvenioToken row) {
		return String.valueOf(row.id());
	}

	@Override
	Integer invenioUser(InvenioToken row) {
		return row.userId();
	}

	@Override
	List<Map.Entry<String, Long>> write(List<Owned<InvenioToken>> rows) {
		Map<Long, Boolean> active = new java.util.HashMap<>();
		run.named.query("select id, active from gh_user where id in (:ids)",
				Map.of("ids", rows.stream().map(Owned::userId).distinct().toList()), rs -> {
					active.put(rs.getLong(1), rs.getBoolean(2));
				});
		List<Object[]> inserts = new ArrayList<>();
		List<Map.Entry<String, Long>> written = new ArrayList<>();
		Set<String> hashes = new HashSet<>();
		Instant latest = run.now.plus(maxLifetime);
		for (Owned<InvenioToken> owned : rows) {
			InvenioToken token = owned.row();
			String key = key(token);
			String skip = skipReason(token, owned.userId(), active);
			if (skip != null) {
				run.report.skipped(table(), key, skip);
				continue;
			}
			String value = cipher.decrypt(token.encrypted());
			if (value == null || !TOKEN.matcher(value).matches()) {
				run.report.rejected(table(), key, "does not decrypt with the SECRET_KEY given (or is not a token)");
				continue;
			}
			String hash = PersonalAccessTokens.hash(value);
			if (!hashes.add(hash) || !run.jdbc.queryForList("select id from gh_api_token where token_hash = ?", Long.class, hash)
				.isEmpty()) {
				run.report.rejected(table(), key, "the same token value is already stored in Gatehouse");
				continue;
			}
			inserts.add(new Object[] { owned.userId(), name(token), hash, value.substring(0, 8), scopes(token), run.nowAt(),
					run.at(token.expires() == null || token.expires().isAfter(latest) ? latest : token.expires()) });
			written.add(new AbstractMap.SimpleEntry<>(key, null));
		}
		run.jdbc.batchUpdate("insert into gh_api_token (user_id, name, token_hash, prefix, scopes, created_at, expires_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?)", inserts);
		return written;
	}

	private String skipReason(InvenioToken token, long userId, Map<Long, Boolean> active) {
		if (!token.personal()) {
			return "an OAuth application's token, not a personal one (OAuth applications do not move)";
		}
		if (token.internal()) {
			return "an internal token Invenio made for itself";
		}
		if (token.expires() != null && !token.expires().isAfter(run.now)) {
			return "expired on " + token.expires();
		}
		if (!active.getOrDefault(userId, false)) {
			return "its user cannot sign in (blocked or inactive)";
		}
		if (cipher == null) {
			return "no SECRET_KEY given (--secret-key-env): the token cannot be decrypted";
		}
		return null;
	}

	/** Gatehouse's scopes for the token; Invenio's without an equivalent are reported. */
	private String scopes(InvenioToken token) {
		Set<String> invenio = new LinkedHashSet<>(token.scopes() == null ? List.of()
				: Arrays.asList(token.scopes().trim().split("\\s+")));
		invenio.remove("");
		Set<TokenScope> mapped = new java.util.TreeSet<>();
		List<String> dropped = new ArrayList<>();
		for (String scope : invenio) {
			if (SCOPES.containsKey(scope)) {
				mapped.add(SCOPES.get(scope));
			}
			else {
				dropped.add(scope);
			}
		}
		if (!dropped.isEmpty()) {
			run.report.note(table(), key(token), "scope(s) without a Gatehouse equivalent dropped: " + String.join(" ", dropped));
		}
		// a token of no scope signed its user in to Invenio's API: the least Gatehouse has is user:read
		mapped.add(TokenScope.USER_READ);
		return mapped.stream().map(TokenScope::value).reduce((a, b) -> a + " " + b).orElseThrow();
	}

	private static String name(InvenioToken token) {
		String name = token.clientName() == null ? "" : INVISIBLE.matcher(token.clientName()).replaceAll("").strip();
		return name.isEmpty() ? "Invenio token #" + token.id() : name.length() > 100 ? name.substring(0, 100) : name;
	}
}
