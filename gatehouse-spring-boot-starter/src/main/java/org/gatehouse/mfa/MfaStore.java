package org.gatehouse.mfa;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factors' tables: gh_mfa_totp (one encrypted secret per user) and gh_mfa_recovery_code (hashes).
 * Each use is one conditional update, so two instances cannot both accept the same code.
 */
public class MfaStore {

	/** An enrolled TOTP factor; the secret still encrypted. */
	public record TotpRow(long userId, String encryptedSecret, Long lastStep, Instant createdAt, Instant lastUsedAt) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;

	public MfaStore(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	public Optional<TotpRow> totp(long userId) {
		return jdbc.sql("select user_id, secret, last_step, created_at, last_used_at from gh_mfa_totp where user_id = ?")
			.param(userId)
			.query((rs, n) -> new TotpRow(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class))))
			.optional();
	}

	/** Enrols (or replaces) the user's TOTP secret; the step of the code that confirmed it counts as used. */
	public void saveTotp(long userId, String encryptedSecret, long confirmedStep, Instant now) {
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from gh_mfa_totp where user_id = ?").param(userId).update();
			jdbc.sql("insert into gh_mfa_totp (user_id, secret, last_step, created_at, last_used_at) values (?, ?, ?, ?, ?)")
				.params(userId, encryptedSecret, confirmedStep, at(now), at(now)).update();
		});
	}

	/** Marks a step used; false when it (or a later one) was used already: a replayed code. */
	public boolean useTotpStep(long userId, long step, Instant now) {
		return jdbc.sql("update gh_mfa_totp set last_step = ?, last_used_at = ? where user_id = ? "
				+ "and (last_step is null or last_step < ?)")
			.params(step, at(now), userId, step).update() == 1;
	}

	public boolean deleteTotp(long userId) {
		return jdbc.sql("delete from gh_mfa_totp where user_id = ?").param(userId).update() > 0;
	}

	/** Replaces the user's recovery codes with a new set. */
	public void replaceRecoveryCodes(long userId, List<String> codeHashes, Instant now) {
		transactions.executeWithoutResult(status -> {
			deleteRecoveryCodes(userId);
			for (String hash : codeHashes) {
				jdbc.sql("insert into gh_mfa_recovery_code (user_id, code_hash, created_at) values (?, ?, ?)")
					.params(userId, hash, at(now)).update();
			}
		});
	}

	/** Uses one unused code; false when there is none with this hash. */
	public boolean useRecoveryCode(long userId, String codeHash, Instant now) {
		return jdbc.sql("update gh_mfa_recovery_code set used_at = ? where user_id = ? and code_hash = ? "
				+ "and used_at is null").params(at(now), userId, codeHash).update() == 1;
	}

	public int unusedRecoveryCodes(long userId) {
		return jdbc.sql("select count(*) from gh_mfa_recovery_code where user_id = ? and used_at is null").param(userId)
			.query(Integer.class).single();
	}

	public boolean deleteRecoveryCodes(long userId) {
		return jdbc.sql("delete from gh_mfa_recovery_code where user_id = ?").param(userId).update() > 0;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}
}
