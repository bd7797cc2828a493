package org.gatehouse.webauthn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * An account's WebAuthn user entity: a random user handle (gh_webauthn_user) beside the account's
 * current email address as the name the browser shows in its passkey chooser, and the username (or
 * the email) as the display name. The name is the account's email, so Spring Security's
 * {@code WebAuthnAuthenticationProvider} loads the user by email.
 */
class JdbcWebAuthnUserEntities implements PublicKeyCredentialUserEntityRepository {

	private static final String SELECT = "select w.user_id, w.user_handle, u.email, u.username "
			+ "from gh_webauthn_user w join gh_user u on u.id = w.user_id ";

	private final JdbcClient jdbc;

	JdbcWebAuthnUserEntities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return jdbc.sql(SELECT + "where w.user_handle = ?").param(id.getBytes()).query(JdbcWebAuthnUserEntities::map)
			.optional().orElse(null);
	}

	/** By the account's email, the entity's name. */
	@Override
	public PublicKeyCredentialUserEntity findByUsername(String email) {
		return jdbc.sql(SELECT + "where u.email = ?").param(email).query(JdbcWebAuthnUserEntities::map)
			.optional().orElse(null);
	}

	Optional<PublicKeyCredentialUserEntity> findByUserId(long userId) {
		return jdbc.sql(SELECT + "where w.user_id = ?").param(userId).query(JdbcWebAuthnUserEntities::map).optional();
	}

	/** The account's entity, made with a new random handle at its first security key. */
	PublicKeyCredentialUserEntity forUser(long userId) {
		return findByUserId(userId).orElseGet(() -> {
			try {
				jdbc.sql("insert into gh_webauthn_user (user_id, user_handle) values (?, ?)")
					.params(userId, Bytes.random().getBytes()).update();
			}
			catch (DuplicateKeyException raced) {
				// made by a parallel request: use that one
			}
			return findByUserId(userId).orElseThrow();
		});
	}

	/** Gatehouse makes entities itself ({@link #forUser}); the name alone does not say which account. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
		if (findById(userEntity.getId()) == null) {
			throw new IllegalStateException("WebAuthn user entities are made by Gatehouse for an account");
		}
	}

	@Override
	public void delete(Bytes id) {
		jdbc.sql("delete from gh_webauthn_user where user_handle = ?").param(id.getBytes()).update();
	}

	private static PublicKeyCredentialUserEntity map(ResultSet rs, int row) throws SQLException {
		String email = rs.getString("email");
		String username = rs.getString("username");
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(new Bytes(rs.getBytes("user_handle")))
			.name(email)
			.displayName(username != null ? username : email)
			.build();
	}
}
