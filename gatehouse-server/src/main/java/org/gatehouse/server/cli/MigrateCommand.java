package org.gatehouse.server.cli;

import java.io.PrintStream;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

import org.gatehouse.migration.invenio.InvenioMigration;
import org.gatehouse.migration.invenio.MigrationReport;
import org.gatehouse.migration.invenio.UnknownInvenioSchemaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "migrate", description = "Move accounts from another system into Gatehouse.",
		subcommands = { MigrateCommand.Invenio.class })
public class MigrateCommand extends CommandGroup {

	@Command(name = "invenio", description = {
			"Move an Invenio instance: reads its PostgreSQL database (read-only) and migrates roles, users, login",
			"information, profiles, external identities, session history and personal access tokens.",
			"One transaction per batch; run it again after a failure and it continues." })
	static class Invenio implements Callable<Integer> {

		private final Beans beans;

		@Option(names = "--from", required = true, paramLabel = "JDBC-URL",
				description = "The Invenio database, e.g. jdbc:postgresql://db.example.org:5432/invenio")
		String from;

		@Option(names = "--from-user", paramLabel = "NAME", description = "Its database user (else the one in the URL)")
		String fromUser;

		@Option(names = "--from-password-env", paramLabel = "NAME",
				description = "Environment variable holding its database password")
		String fromPasswordEnv;

		@Option(names = "--secret-key-env", paramLabel = "NAME",
				description = "Environment variable holding the SECRET_KEY of Invenio (decrypts personal access tokens)")
		String secretKeyEnv;

		@Option(names = "--salt-env", paramLabel = "NAME",
				description = "Environment variable holding SECURITY_PASSWORD_SALT (default: the SECRET_KEY, as in Invenio)")
		String saltEnv;

		@Option(names = "--dry-run", description = "Read everything and report what would happen; change nothing")
		boolean dryRun;

		@Option(names = "--batch", paramLabel = "N", defaultValue = "1000", description = "Rows per transaction (default 1000)")
		int batch;

		PrintStream out = System.out;
		PrintStream err = System.err;
		UnaryOperator<String> environment = System::getenv;

		Invenio(Beans beans) {
			this.beans = beans;
		}

		/** 0 when everything moved, 1 when rows were rejected or the database is unreachable, 2 when refused. */
		@Override
		public Integer call() {
			String password;
			String secretKey;
			String salt;
			try {
				password = fromEnvironment(fromPasswordEnv);
				secretKey = fromEnvironment(secretKeyEnv);
				salt = saltEnv == null ? secretKey : fromEnvironment(saltEnv);
			}
			catch (IllegalArgumentException missing) {
				err.println(missing.getMessage());
				return 2;
			}
			MigrationReport report;
			try {
				InvenioMigration.Options options = new InvenioMigration.Options(from, fromUser, password, secretKey, salt,
						dryRun, batch);
				report = beans.get(InvenioMigration.class).run(options, this::print);
			}
			catch (UnknownInvenioSchemaException | InvenioMigration.SaltMismatchException | IllegalArgumentException ex) {
				err.println(CliMessages.get("cli.migrate.refused", ex.getMessage()));
				return 2;
			}
			catch (SQLException ex) {
				err.println(CliMessages.get("cli.migrate.unreachable", ex.getMessage()));
				return 1;
			}
			summary(report);
			return report.rejectedTotal() == 0 ? 0 : 1;
		}

		private String fromEnvironment(String name) {
			if (name == null) {
				return null;
			}
			String value = environment.apply(name);
			if (value == null || value.isEmpty()) {
				throw new IllegalArgumentException(CliMessages.get("cli.migrate.env-missing", name));
			}
			return value;
		}

		private void print(MigrationReport.Problem problem) {
			(problem.outcome() == MigrationReport.Outcome.REJECTED ? err : out).println(CliMessages.get("cli.migrate.problem",
					problem.table().invenioName(), problem.invenioKey(),
					CliMessages.get(switch (problem.outcome()) {
						case REJECTED -> "cli.migrate.outcome.rejected";
						case SKIPPED -> "cli.migrate.outcome.skipped";
						case NOTE -> "cli.migrate.outcome.note";
					}),
					problem.reason()));
		}

		private void summary(MigrationReport report) {
			out.println(CliMessages.get("cli.migrate.schema", report.schemaRevision()));
			report.warnings().forEach(w -> out.println(CliMessages.get("cli.migrate.warning", w)));
			out.println(CliMessages.get(report.dryRun() ? "cli.migrate.dry-run" : "cli.migrate.done"));
			for (MigrationReport.Table table : MigrationReport.Table.values()) {
				MigrationReport.Counts c = report.counts(table);
				out.println(CliMessages.get("cli.migrate.table", table.invenioName(), c.migrated(), c.alreadyMigrated(),
						c.rejected(), c.skipped(), c.updated()));
			}
			if (!report.sample().isEmpty()) {
				out.println(CliMessages.get("cli.migrate.sample-heading"));
				report.sample().forEach(s -> out.println(CliMessages.get("cli.migrate.sample", s.email(), s.kind())));
			}
		}
	}
}
