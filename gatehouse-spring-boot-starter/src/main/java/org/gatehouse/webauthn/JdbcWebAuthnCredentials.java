package org.gatehouse.webauthn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Security keys and passkeys in gh_webauthn_credential, for Spring Security's relying party and for
 * their owner's list. A use of a key writes its new signature counter only when it grew (or both
 * old and new are 0: authenticators without a counter), in one conditional update, so a cloned key
 * or a replayed assertion fails even when two arrive at once.
 */
class JdbcWebAuthnCredentials implements UserCredentialRepository {

	private static final String COLUMNS = "c.credential_id, c.user_id, c.label, c.credential_type, c.public_key, "
			+ "c.signature_count, c.uv_initialized, c.backup_eligible, c.backup_state, c.transports, "
			+ "c.attestation_object, c.attestation_client_data_json, c.created_at, c.last_used_at, w.user_handle";
	private static final String SELECT = "select " + COLUMNS
			+ " from gh_webauthn_credential c join gh_webauthn_user w on w.user_id = c.user_id ";

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcWebAuthnCredentials(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void save(CredentialRecord record) {
		byte[] id = record.getCredentialId().getBytes();
		boolean exists = jdbc.sql("select count(*) from gh_webauthn_credential where credential_id = ?").param(id)
			.query(Long.class).single() > 0;
		if (exists) {
			used(id, record);
			return;
		}
		jdbc.sql("insert into gh_webauthn_credential (credential_id, user_id, label, credential_type, public_key, "
				+ "signature_count, uv_initialized, backup_eligible, backup_state, transports, attestation_object, "
				+ "attestation_client_data_json, created_at) "
				+ "select ?, w.user_id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from gh_webauthn_user w where w.user_handle = ?")
			.params(id, record.getLabel(),
					record.getCredentialType() == null ? PublicKeyCredentialType.PUBLIC_KEY.getValue()
							: record.getCredentialType().getValue(),
					record.getPublicKey().getBytes(), record.getSignatureCount(), record.isUvInitialized(),
					record.isBackupEligible(), record.isBackupState(), transports(record.getTransports()),
					bytes(record.getAttestationObject()), bytes(record.getAttestationClientDataJSON()),
					at(clock.instant()), record.getUserEntityUserId().getBytes())
			.update();
	}

	private void used(byte[] id, CredentialRecord record) {
		long count = record.getSignatureCount();
		int updated = jdbc.sql("update gh_webauthn_credential set signature_count = ?, last_used_at = ?, "
				+ "backup_state = ? where credential_id = ? and (signature_count < ? or (? = 0 and signature_count = 0))")
			.params(count, at(clock.instant()), record.isBackupState(), id, count, count)
			.update();
		if (updated == 0) {
			throw new SignCounterRegressionException();
		}
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.sql(SELECT + "where c.credential_id = ?").param(credentialId.getBytes())
			.query(JdbcWebAuthnCredentials::record).optional().orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userHandle) {
		return jdbc.sql(SELECT + "where w.user_handle = ? order by c.created_at").param(userHandle.getBytes())
			.query(JdbcWebAuthnCredentials::record).list();
	}

	@Override
	public void delete(Bytes credentialId) {
		jdbc.sql("delete from gh_webauthn_credential where credential_id = ?").param(credentialId.getBytes()).update();
	}

	List<SecurityKey> listFor(long userId) {
		return jdbc.sql("select credential_id, label, created_at, last_used_at, backup_eligible "
				+ "from gh_webauthn_credential where user_id = ? order by created_at, label").param(userId)
			.query((rs, row) -> new SecurityKey(new Bytes(rs.getBytes("credential_id")).toBase64UrlString(),
					rs.getString("label"), instant(rs, "created_at"), instant(rs, "last_used_at"),
					rs.getBoolean("backup_eligible")))
			.list();
	}

	Optional<SecurityKey> find(long userId, Bytes credentialId) {
		return listFor(userId).stream().filter(key -> key.id().equals(credentialId.toBase64UrlString())).findFirst();
	}

	Optional<Long> ownerOf(Bytes credentialId) {
		return jdbc.sql("select user_id from gh_webauthn_credential where credential_id = ?")
			.param(credentialId.getBytes()).query(Long.class).optional();
	}

	boolean hasAny(long userId) {
		return jdbc.sql("select count(*) from gh_webauthn_credential where user_id = ?").param(userId)
			.query(Long.class).single() > 0;
	}

	/** Every key of the user (an administrator's reset of the second factors). */
	boolean deleteAll(long userId) {
		return jdbc.sql("delete from gh_webauthn_credential where user_id = ?").param(userId).update() > 0;
	}

	boolean rename(long userId, Bytes credentialId, String label) {
		return jdbc.sql("update gh_webauthn_credential set label = ? where credential_id = ? and user_id = ?")
			.params(label, credentialId.getBytes(), userId).update() == 1;
	}

	boolean delete(long userId, Bytes credentialId) {
		return jdbc.sql("delete from gh_webauthn_credential where credential_id = ? and user_id = ?")
			.params(credentialId.getBytes(), userId).update() == 1;
	}

	private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
		Instant created = instant(rs, "created_at");
		Instant lastUsed = instant(rs, "last_used_at");
		return ImmutableCredentialRecord.builder()
			.credentialId(new Bytes(rs.getBytes("credential_id")))
			.userEntityUserId(new Bytes(rs.getBytes("user_handle")))
			.label(rs.getString("label"))
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(transports(rs.getString("transports")))
			.attestationObject(nullableBytes(rs.getBytes("attestation_object")))
			.attestationClientDataJSON(nullableBytes(rs.getBytes("attestation_client_data_json")))
			.created(created)
			.lastUsed(lastUsed == null ? created : lastUsed)
			.build();
	}

	private static String transports(Set<AuthenticatorTransport> transports) {
		return transports == null ? "" : transports.stream().map(AuthenticatorTransport::getValue).sorted()
			.collect(Collectors.joining(","));
	}

	private static Set<AuthenticatorTransport> transports(String stored) {
		Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
		if (stored != null) {
			Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).map(AuthenticatorTransport::valueOf)
				.forEach(transports::add);
		}
		return transports;
	}

	private static byte[] bytes(Bytes bytes) {
		return bytes == null ? null : bytes.getBytes();
	}

	private static Bytes nullableBytes(byte[] bytes) {
		return bytes == null ? null : new Bytes(bytes);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}
}
