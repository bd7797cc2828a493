package org.gatehouse.migration.invenio;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;

import org.gatehouse.admin.ImportedHashes;
import org.gatehouse.password.PasswordsProperties;
import org.gatehouse.registration.AccountsProperties;
import org.gatehouse.token.ApiProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves an Invenio-Accounts instance into Gatehouse, reading its PostgreSQL database directly and only
 * reading it: roles, users (with login information and profile), role memberships, external identities,
 * session history and personal access tokens, in that order. Every batch is one transaction together with its
 * ledger rows, so a run stopped anywhere can be run again: it continues, and reports what it finds done as
 * already migrated. A dry run does all of it in one transaction that is rolled back.
 */
public class InvenioMigration {

	/**
	 * @param from the Invenio database's JDBC URL (jdbc:postgresql://...)
	 * @param user its user, or null for the URL's
	 * @param password its password, or null
	 * @param secretKey Invenio's SECRET_KEY, to decrypt personal access tokens; null skips them
	 * @param hmacSalt Invenio's SECURITY_PASSWORD_SALT, checked against gatehouse.passwords.legacy-hmac-salt; null for none
	 */
	public record Options(String from, String user, String password, String secretKey, String hmacSalt, boolean dryRun,
			int batchSize) {

		public Options {
			if (batchSize < 1 || batchSize > 100_000) {
				throw new IllegalArgumentException("--batch must be between 1 and 100000");
			}
		}
	}

	/** The configuration would leave migrated passwords unable to verify. */
	public static class SaltMismatchException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SaltMismatchException(String message) {
			super(message);
		}
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;
	private final ImportedHashes hashes;
	private final PasswordsProperties passwords;
	private final ObjectProvider<AccountsProperties> accounts;
	private final ObjectProvider<ApiProperties> api;
	private final Clock clock;
	private Runnable afterBatch = () -> { };

	public InvenioMigration(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ImportedHashes hashes,
			PasswordsProperties passwords, ObjectProvider<AccountsProperties> accounts, ObjectProvider<ApiProperties> api,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.hashes = hashes;
		this.passwords = passwords;
		this.accounts = accounts;
		this.api = api;
		this.clock = clock;
	}

	/** For the test that stops a run between batches, as a crash would. */
	void afterEachBatch(Runnable afterBatch) {
		this.afterBatch = afterBatch;
	}

	/**
	 * Runs the migration; problems go to {@code listener} as they are found.
	 *
	 * @throws UnknownInvenioSchemaException when the database is not an Invenio-Accounts schema this version knows
	 * @throws SaltMismatchException when gatehouse.passwords.legacy-hmac-salt differs from the salt given
	 * @throws SQLException when the Invenio database cannot be reached
	 */
	public MigrationReport run(Options options, MigrationReport.Listener listener) throws SQLException {
		MigrationReport report = new MigrationReport(options.dryRun(), listener);
		checkSalt(options.hmacSalt(), report);
		try (InvenioSource source = InvenioSource.open(options.from(), options.user(), options.password())) {
			report.schema(source.schema().revision());
			MigrationRun run = new MigrationRun(source, report, jdbc, transactions, options.batchSize(), clock.instant(),
					afterBatch);
			if (options.dryRun()) {
				transactions.executeWithoutResult(status -> {
					migrate(run, options);
					status.setRollbackOnly();
				});
			}
			else {
				migrate(run, options);
			}
		}
		return report;
	}

	private void migrate(MigrationRun run, Options options) {
		AccountsProperties limits = accounts.getIfAvailable(AccountsProperties::new);
		new RoleMigration(run).migrate();
		new UserMigration(run, hashes, limits.getUsernameMinLength(), limits.getUsernameMaxLength()).migrate();
		new UserRoleMigration(run).migrate();
		new IdentityMigration(run).migrate();
		new SessionHistoryMigration(run).migrate();
		InvenioTokenCipher cipher = options.secretKey() == null ? null : new InvenioTokenCipher(options.secretKey());
		if (cipher == null && run.source.schema().tokens()) {
			run.report.warning("No SECRET_KEY given (--secret-key-env): personal access tokens are skipped.");
		}
		new TokenMigration(run, cipher, api.getIfAvailable(ApiProperties::new).getTokenMaxLifetime()).migrate();
	}

	/**
	 * Flask-Security pre-hashed the passwords with SECURITY_PASSWORD_SALT; Gatehouse verifies them with its own
	 * setting, so the two must be the same, or every such login would fail after the move.
	 */
	private void checkSalt(String hmacSalt, MigrationReport report) {
		String configured = passwords.getLegacyHmacSalt();
		if (hmacSalt == null) {
			if (configured == null || configured.isEmpty()) {
				report.warning("No SECURITY_PASSWORD_SALT given (--salt-env) and gatehouse.passwords.legacy-hmac-salt is not "
						+ "set: passwords Flask-Security pre-hashed with a salt will not verify.");
			}
			return;
		}
		if (!Objects.equals(hmacSalt, configured)) {
			throw new SaltMismatchException("gatehouse.passwords.legacy-hmac-salt is " + (configured == null ? "not set"
					: "set to another value") + ": migrated passwords pre-hashed with Invenio's SECURITY_PASSWORD_SALT would "
					+ "not verify. Give Gatehouse (this command and the server) the same salt, e.g. "
					+ "GATEHOUSE_PASSWORDS_LEGACY_HMAC_SALT=\"$YOUR_SALT_VARIABLE\".");
		}
	}
}
