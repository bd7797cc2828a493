package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.gatehouse.account.UserStore;
import org.gatehouse.admin.UserImport;
import org.gatehouse.server.GatehouseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import picocli.CommandLine;

/** The import command with the real services of a non-web context on an in-memory database. */
@SpringBootTest(classes = GatehouseServer.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
		"spring.datasource.url=jdbc:h2:mem:gatehouse-cli;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"gatehouse.secret-key=test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
		"gatehouse.tasks.enabled=false" })
class ImportCommandTest {

	// passlib 1.7.4 pbkdf2_sha1 of "correct horse battery staple" (gatehouse-passwords test vectors)
	private static final String PBKDF2_SHA1 = "$pbkdf2$2900$Msa4916rVar1PkeoNcZ4rw$6tvZkODW3b/OjwqQ/zxx09wB890";

	@Autowired
	UserImport userImport;

	@Autowired
	UserStore users;

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		ImportCommand command = new ImportCommand(Beans.of(userImport));
		command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
		command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
		return new CommandLine(command).execute(args);
	}

	@Test
	void importsReportsRejectedRowsAndIsSafeToRunAgain() throws Exception {
		String t = UUID.randomUUID().toString().substring(0, 8);
		Path csv = Files.writeString(dir.resolve("users.csv"), "email,username,password,active,confirmed_at,roles\n"
				+ "ann" + t + "@example.org,,\"" + PBKDF2_SHA1 + "\",true,2020-01-02 03:04:05,admin\n"
				+ "bob" + t + "@example.org,,$argon2id$broken,true,,\n");

		assertThat(run("--dry-run", csv.toString())).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Dry run").contains("would import 1");
		assertThat(users.findByEmail("ann" + t + "@example.org")).isEmpty();

		assertThat(run(csv.toString())).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: rejected");
		assertThat(users.findByEmail("ann" + t + "@example.org").orElseThrow().roles()).containsExactly("admin");
		assertThat(users.findByEmail("ann" + t + "@example.org").orElseThrow().passwordHash()).isEqualTo(PBKDF2_SHA1);

		out.reset();
		run(csv.toString());
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("line 2: skipped").contains("Imported 0 user(s)");
	}

	@Test
	void aMissingFileIsAnError() {
		assertThat(run(dir.resolve("nope.csv").toString())).isEqualTo(2);
	}

	@Test
	void theCommandIsRegisteredUnderUsers() {
		assertThat(new CommandLine(new RootCommand(), new CommandLine.IFactory() {
			@Override
			public <K> K create(Class<K> type) throws Exception {
				return type == ImportCommand.class ? type.cast(new ImportCommand(Beans.of(userImport)))
						: CommandLine.defaultFactory().create(type);
			}
		}).getSubcommands().get("users").getSubcommands()).containsKey("import");
	}
}
