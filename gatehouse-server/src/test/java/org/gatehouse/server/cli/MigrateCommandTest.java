package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.gatehouse.migration.invenio.InvenioMigration;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;

/**
 * The {@code migrate invenio} command with the real service of a non-web context (the same context as
 * {@link ImportCommandTest}): what it refuses before reading anything. A whole migration over PostgreSQL and
 * HTTP is InvenioMigrationTest in the starter, through the same service.
 */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-cli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.tasks.enabled=false" })
class MigrateCommandTest {

	@Autowired
	InvenioMigration migration;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(Map<String, String> environment, String... args) {
		MigrateCommand.Invenio command = new MigrateCommand.Invenio(Beans.of(migration));
		command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
		command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
		command.environment = environment::get;
		return new CommandLine(command).execute(args);
	}

	private String errors() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void theSecretKeyComesFromTheNamedEnvironmentVariableWhichMustBeSet() {
		assertThat(run(Map.of(), "--from", "jdbc:postgresql://127.0.0.1:1/invenio", "--secret-key-env", "INVENIO_SECRET_KEY"))
			.isEqualTo(2);
		assertThat(errors()).contains("INVENIO_SECRET_KEY is not set");
	}

	@Test
	void theSecretKeyIsNotAnOption() {
		assertThat(run(Map.of(), "--from", "jdbc:postgresql://127.0.0.1:1/invenio", "--secret-key", "oops")).isEqualTo(2);
	}

	@Test
	void aSaltThatGatehouseDoesNotUseIsRefusedBeforeConnecting() {
		assertThat(run(Map.of("SALT", "invenio-salt"), "--from", "jdbc:postgresql://127.0.0.1:1/invenio", "--salt-env", "SALT"))
			.isEqualTo(2);
		assertThat(errors()).contains("Refused").contains("gatehouse.passwords.legacy-hmac-salt");
	}

	@Test
	void onlyPostgreSqlIsRead() {
		assertThat(run(Map.of(), "--from", "jdbc:mysql://127.0.0.1/invenio")).isEqualTo(2);
		assertThat(errors()).contains("--from must be a PostgreSQL JDBC URL");
	}

	@Test
	void anUnreachableDatabaseFailsWithItsReason() {
		assertThat(run(Map.of(), "--from", "jdbc:postgresql://127.0.0.1:1/invenio", "--batch", "10")).isEqualTo(1);
		assertThat(errors()).contains("Cannot read the Invenio database");
	}

	@Test
	void theCommandIsRegistered() {
		CommandLine root = GatehouseCli.commandLine(Beans.of(migration));
		assertThat(root.getSubcommands().get("migrate").getSubcommands()).containsKey("invenio");
	}
}
