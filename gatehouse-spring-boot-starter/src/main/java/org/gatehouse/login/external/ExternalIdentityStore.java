package org.gatehouse.login.external;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.gatehouse.crypto.FieldEncryptor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * gh_external_identity (shared with the Invenio migration, which writes the same rows) and gh_external_token. The
 * provider's subject is the only key an identity is found by; the email is what the provider reported, shown, never
 * used to find an account. Tokens are stored encrypted, bound to their column by the encryptor's purpose.
 */
public class ExternalIdentityStore {

	private static final String COLUMNS = "id, user_id, provider, subject, email, created_at, last_used_at";

	private final JdbcClient jdbc;
	private final FieldEncryptor tokens;
	private final Clock clock;

	public ExternalIdentityStore(JdbcClient jdbc, FieldEncryptor tokens, Clock clock) {
		this.jdbc = jdbc;
		this.tokens = tokens;
		this.clock = clock;
	}

	public Optional<LinkedIdentity> find(String provider, String subject) {
		return jdbc.sql("select " + COLUMNS + " from gh_external_identity where provider = ? and subject = ?")
			.params(provider, subject).query(ExternalIdentityStore::map).optional();
	}

	public List<LinkedIdentity> ofUser(long userId) {
		return jdbc.sql("select " + COLUMNS + " from gh_external_identity where user_id = ? order by provider")
			.param(userId).query(ExternalIdentityStore::map).list();
	}

	/** Inserts the link; a subject linked already, or a second identity at the same provider, fails with DuplicateKeyException. */
	long link(long userId, ExternalIdentity identity) {
		Instant now = clock.instant();
		jdbc.sql("insert into gh_external_identity (user_id, provider, subject, email, created_at, last_used_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(userId, identity.provider(), identity.subject(), identity.email(), utc(now), utc(now)).update();
		return find(identity.provider(), identity.subject()).orElseThrow().id();
	}

	/** The sign-in's time and the address the provider reports now. */
	void used(long identityId, String email) {
		jdbc.sql("update gh_external_identity set last_used_at = ?, email = coalesce(?, email) where id = ?")
			.params(utc(clock.instant()), email, identityId).update();
	}

	/** Names a new account as its provider did (the profile column Invenio's migration fills too). */
	void takeOverName(long userId, ExternalIdentity identity) {
		if (identity.name() != null) {
			jdbc.sql("update gh_user set full_name = ? where id = ?").params(identity.name(), userId).update();
		}
	}

	/** Removes the link and, by cascade, its stored tokens. */
	boolean unlink(long userId, String provider) {
		return jdbc.sql("delete from gh_external_identity where user_id = ? and provider = ?")
			.params(userId, provider).update() == 1;
	}

	void saveTokens(long identityId, ProviderTokens value) {
		jdbc.sql("delete from gh_external_token where identity_id = ?").param(identityId).update();
		jdbc.sql("insert into gh_external_token (identity_id, access_token, refresh_token, expires_at, scopes, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(identityId, tokens.encrypt(value.accessToken()),
					value.refreshToken() == null ? null : tokens.encrypt(value.refreshToken()),
					value.expiresAt() == null ? null : utc(value.expiresAt()), value.scopes(), utc(clock.instant()))
			.update();
	}

	/** The tokens kept from the user's last sign-in with the provider (store-tokens), decrypted. */
	public Optional<ProviderTokens> tokens(long userId, String provider) {
		return jdbc.sql("select t.access_token, t.refresh_token, t.expires_at, t.scopes from gh_external_token t "
				+ "join gh_external_identity i on i.id = t.identity_id where i.user_id = ? and i.provider = ?")
			.params(userId, provider)
			.query((rs, row) -> new ProviderTokens(tokens.decrypt(rs.getString(1)),
					rs.getString(2) == null ? null : tokens.decrypt(rs.getString(2)), instant(rs, 3), rs.getString(4)))
			.optional();
	}

	private static LinkedIdentity map(ResultSet rs, int row) throws SQLException {
		return new LinkedIdentity(rs.getLong("id"), rs.getLong("user_id"), rs.getString("provider"),
				rs.getString("subject"), rs.getString("email"), instant(rs, "created_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
