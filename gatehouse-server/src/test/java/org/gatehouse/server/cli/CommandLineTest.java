package org.gatehouse.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.gatehouse.admin.FirstAdminSetup;
import org.gatehouse.audit.AuditRetentionSchedule;
import org.gatehouse.server.GatehouseServer;
import org.gatehouse.tasks.ScheduledCleanups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.util.ReflectionTestUtils;
import org.junit.jupiter.api.Test;

/** The operator's command line, run in-process on a fresh embedded database. */
class CommandLineTest {

	static final String PASSWORD = "velvet-canyon-drum-91";

	@Test
	void createsAnAdminWhosePasswordVerifiesAndNeverTakesThePasswordAsArgument() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-cli");
		String db = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		String[] common = { "--spring.datasource.url=" + db, "--gatehouse.data-directory=" + dir,
				"--gatehouse.passwords.rounds.pbkdf2_sha512=1000" };

		Result refused = run("glacier-rootx-velvet-drum\n", concat(new String[] { "users", "create",
				"rootx@example.org" }, common));
		assertThat(refused.exit).isEqualTo(2);
		assertThat(refused.err.lines()).containsExactly("Password refused: Password must not contain the name part "
				+ "of your email address (\"rootx\", before the @).");

		Result weak = run("short\n", concat(new String[] { "users", "create", "weak@example.org" }, common));
		assertThat(weak.exit).isEqualTo(2);
		assertThat(weak.err.lines()).singleElement().asString().startsWith("Password refused: Password must be at least");

		Result created = run(PASSWORD + "\n", concat(new String[] { "users", "create", "root@example.org", "--role",
				"admin", "--confirmed" }, common));
		assertThat(created.exit).isZero();
		assertThat(created.out).contains("Created user").contains("root@example.org").doesNotContain(PASSWORD);

		String hash;
		try (Connection c = DriverManager.getConnection(db, "sa", "");
				ResultSet rs = c.createStatement().executeQuery(
						"select u.password_hash, r.name from gh_user u join gh_user_role ur on ur.user_id = u.id "
								+ "join gh_role r on r.id = ur.role_id where u.email_key = 'root@example.org'")) {
			assertThat(rs.next()).isTrue();
			hash = rs.getString(1);
			assertThat(rs.getString(2)).isEqualTo("admin");
		}
		assertThat(hash).startsWith("$pbkdf2-sha512$1000$");

		Result verified = run(PASSWORD + "\n", concat(new String[] { "verify", hash }, common));
		assertThat(verified.exit).isZero();
		assertThat(verified.out).contains("match");

		Result wrong = run("not-the-password\n", concat(new String[] { "verify", hash }, common));
		assertThat(wrong.exit).isEqualTo(1);
		assertThat(wrong.out).contains("no match");

		Result duplicate = run(PASSWORD + "\n", concat(new String[] { "users", "create", "ROOT@example.org" }, common));
		assertThat(duplicate.exit).isEqualTo(1);
	}

	@Test
	void helpVersionAndUsageErrorsAreAnsweredAtOnceWithoutSpring() {
		runWithoutSpring("", "--help"); // warm-up: the first picocli run loads its classes
		for (String[] args : new String[][] { { "--help" }, { "-h" }, { "users", "--help" }, { "help", "users" } }) {
			long start = System.nanoTime();
			Result help = runWithoutSpring("", args);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
			assertThat(help.exit).isZero();
			assertThat(help.out).contains("Usage: gatehouse-server");
		}
		assertThat(runWithoutSpring("", "--help").out).contains("Exit codes:");
		for (String flag : new String[] { "-V", "--version" }) {
			Result version = runWithoutSpring("", flag);
			assertThat(version.exit).isZero();
			assertThat(version.out.trim()).startsWith("Gatehouse server ").doesNotContain("\n");
		}

		Result missing = runWithoutSpring("", "users", "create", "--spring.datasource.url=jdbc:h2:mem:never");
		assertThat(missing.exit).isEqualTo(2);
		assertThat(missing.err.lines().findFirst()).hasValue("Missing required parameter: '<email>'");
		assertThat(missing.err).contains("Usage: gatehouse-server users create");

		Result group = runWithoutSpring("", "users");
		assertThat(group.exit).isEqualTo(2);
		assertThat(group.err).startsWith("Missing command: one of create,").contains("Usage: gatehouse-server users");

		Result notAnEmail = runWithoutSpring("", "users", "create", "root");
		assertThat(notAnEmail.exit).isEqualTo(2);
		assertThat(notAnEmail.err.lines()).containsExactly("Not an email address: root");
	}

	@Test
	void anUnknownCommandWordIsAnErrorWithADidYouMean() {
		Map<List<String>, String> typos = Map.of(List.of("usres"), "gatehouse-server users",
				List.of("user", "create", "x@example.org"), "gatehouse-server users",
				List.of("users", "creat", "x@example.org"), "gatehouse-server users create",
				List.of("rols", "add", "x", "admin"), "gatehouse-server roles",
				List.of("secret-key", "gen"), "gatehouse-server secret-key generate");
		typos.forEach((args, meant) -> {
			Result typo = runWithoutSpring("", args.toArray(String[]::new));
			assertThat(typo.exit).as(args.toString()).isEqualTo(2);
			assertThat(typo.err.lines()).as(args.toString()).hasSize(2)
				.last().isEqualTo("Did you mean: " + meant + "?");
		});
		Result nonsense = runWithoutSpring("", "xyzzy");
		assertThat(nonsense.exit).isEqualTo(2);
		assertThat(nonsense.err).startsWith("Unmatched argument at index 0: 'xyzzy'").contains("Usage:");
	}

	@Test
	void theServerGetsNoArgumentsOrOnlySettingsAndTheCommandLineEverythingElse() {
		assertThat(GatehouseCli.isCommand(new String[0])).isFalse();
		assertThat(GatehouseCli.isCommand(new String[] { "--server.port=9090", "--gatehouse.mode=production" })).isFalse();
		for (String[] args : new String[][] { { "-V" }, { "--version" }, { "-h" }, { "--help" }, { "usres" },
				{ "user", "create", "x" }, { "--server.port=9090", "users" }, { "--server.port=9090", "--help" } }) {
			assertThat(GatehouseCli.isCommand(args)).as(String.join(" ", args)).isTrue();
		}
	}

	@Test
	void anEmptyStandardInputIsOneLineAndExitCodeTwoBeforeSpringStarts() {
		for (String[] args : new String[][] { { "users", "create", "root@example.org" }, { "hash" },
				{ "verify", "$pbkdf2-sha512$1000$c2FsdA$aGFzaA" } }) {
			Result empty = runWithoutSpring("", args);
			assertThat(empty.exit).as(String.join(" ", args)).isEqualTo(2);
			assertThat(empty.err.lines()).containsExactly("no password given on standard input");
			assertThat(empty.out).isEmpty();
		}
	}

	@Test
	void onATerminalANewPasswordIsAskedTwiceAndAMismatchChangesNothing() {
		List<String> prompts = new ArrayList<>();
		Iterator<String> typed = List.of(PASSWORD, PASSWORD + "x").iterator();
		PasswordInput.Terminal saved = PasswordInput.terminal;
		PasswordInput.terminal = prompt -> {
			prompts.add(prompt);
			return typed.next().toCharArray();
		};
		try {
			Result mismatch = runWithoutSpring("", "users", "create", "root@example.org");
			assertThat(prompts).containsExactly("Password: ", "Repeat password: ");
			assertThat(mismatch.exit).isEqualTo(2);
			assertThat(mismatch.err.lines()).containsExactly("the two passwords differ, nothing changed");

			PasswordInput.terminal = prompt -> null; // Ctrl-D
			Result none = runWithoutSpring("", "hash");
			assertThat(none.exit).isEqualTo(2);
			assertThat(none.err.lines()).containsExactly("no password given");
		}
		finally {
			PasswordInput.terminal = saved;
		}
	}

	@Test
	void aFailingActionIsOneLineAndExitCodeOne() {
		Result failed = run("velvet-canyon-drum-91\n", new String[] { "users", "create", "root@example.org" },
				springArgs -> {
					throw new IllegalStateException("Failed to start",
							new SQLException("Connection refused\n\tat somewhere"));
				});
		assertThat(failed.exit).isEqualTo(1);
		assertThat(failed.err.lines()).containsExactly("Failed: Connection refused; at somewhere");
	}

	@Test
	void commandsThatNeedTheDatabaseGetANonWebContextWithoutTasksOrSetupLink() throws Exception {
		Path dir = Files.createTempDirectory("gatehouse-cli-context");
		String db = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		Set<Thread> before = Thread.getAllStackTraces().keySet(); // other tests' web contexts have their own
		try (ConfigurableApplicationContext context = GatehouseCli.startContext(GatehouseServer.class,
				new String[] { "--spring.datasource.url=" + db, "--gatehouse.data-directory=" + dir })) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class)
				.isNotInstanceOf(org.springframework.web.context.WebApplicationContext.class);
			assertThat(context.getBeansOfType(ScheduledCleanups.class)).isEmpty();
			// the server has no migrations of its own: Spring Boot's Flyway is off, Gatehouse migrated its tables
			assertThat(context.getBeansOfType(org.flywaydb.core.Flyway.class)).isEmpty();
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(context.getBean(javax.sql.DataSource.class))
				.queryForObject("select count(*) from gatehouse_schema_history where type = 'SQL'", Integer.class))
				.isPositive();
			assertThat(context.getBeansOfType(AuditRetentionSchedule.class)).isEmpty();
			// no administrator exists, yet no setup link was made
			assertThat(((AtomicReference<?>) ReflectionTestUtils.getField(context.getBean(FirstAdminSetup.class), "token"))
				.get()).isNull();
			assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
				.noneMatch(t -> t.getName().startsWith("gatehouse-legacy-sample-"));
			// nothing that only serves requests or a running server's operators (start-up time: issue 18)
			assertThat(context.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
			assertThat(context.getBeanNamesForType(HealthEndpoint.class)).isEmpty();
			assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
			assertThat(context.getBeanNamesForType(ObservationRegistry.class)).isEmpty();
		}
	}

	@Test
	void theRealMainAnswersVersionTyposAndUsageErrorsWithoutStartingTheServer() throws Exception {
		String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Map<List<String>, Process> processes = new LinkedHashMap<>();
		for (List<String> args : List.of(List.of("-V"), List.of("usres"), List.of("users", "create"))) {
			List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
					GatehouseServer.class.getName()));
			command.addAll(args);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			processes.put(args, process);
		}
		Map<List<String>, Integer> expected = Map.of(List.of("-V"), 0, List.of("usres"), 2, List.of("users", "create"), 2);
		for (Map.Entry<List<String>, Process> entry : processes.entrySet()) {
			Process process = entry.getValue();
			try {
				assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s ended", entry.getKey())
					.isTrue();
				String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				assertThat(process.exitValue()).as(output).isEqualTo(expected.get(entry.getKey()));
				assertThat(output).doesNotContain("Tomcat").doesNotContain("Starting GatehouseServer");
			}
			finally {
				process.destroyForcibly();
			}
		}
	}

	@Test
	void generatesLongRandomSecretKeys() throws Exception {
		Result first = run("", new String[] { "secret-key", "generate" });
		Result second = run("", new String[] { "secret-key", "generate" });
		assertThat(first.exit).isZero();
		assertThat(first.out.trim()).hasSize(64).isNotEqualTo(second.out.trim());
	}

	record Result(int exit, String out, String err) {
	}

	private static Result run(String stdin, String[] args) {
		return run(stdin, args, springArgs -> GatehouseCli.startContext(GatehouseServer.class, springArgs));
	}

	/** Runs the command line with a starter that records whether Spring was started, and does not start it. */
	private static Result runWithoutSpring(String stdin, String... args) {
		AtomicBoolean started = new AtomicBoolean();
		Result result = run(stdin, args, springArgs -> {
			started.set(true);
			throw new CliException(1, "Spring was started");
		});
		assertThat(started).as("Spring started for %s", String.join(" ", args)).isFalse();
		return result;
	}

	private static Result run(String stdin, String[] args,
			Function<String[], ConfigurableApplicationContext> starter) {
		return capture(stdin, () -> GatehouseCli.run(args, starter));
	}

	/** Runs a command with the given standard input, capturing its exit code and output. */
	static Result capture(String stdin, IntSupplier command) {
		InputStream in = System.in;
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
		ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
		try {
			System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
			System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
			int exit = command.getAsInt();
			return new Result(exit, capturedOut.toString(StandardCharsets.UTF_8),
					capturedErr.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setIn(in);
			System.setOut(out);
			System.setErr(err);
		}
	}

	private static String[] concat(String[] a, String[] b) {
		String[] all = new String[a.length + b.length];
		System.arraycopy(a, 0, all, 0, a.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}
