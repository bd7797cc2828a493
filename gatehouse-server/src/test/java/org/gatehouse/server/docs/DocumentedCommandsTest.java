package org.gatehouse.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gatehouse.server.GatehouseServer;
import org.gatehouse.server.docs.DocumentedCommands.Command;
import org.gatehouse.server.launcher.PathingJar;
import org.junit.jupiter.api.Test;

/**
 * Runs every command README.md and docs/*.md show (see {@link DocumentedCommands} for which) in a
 * shell against a server started the README's way on a free port, in a fresh working directory
 * (so a fresh ./data/), and fails naming the document, line and command when one exits non-zero or
 * prints something other than the output the document shows.
 * <p>
 * It runs in the test phase, before the jar is packaged: {@code java -jar <the server jar>} is run
 * as {@code java -cp <this test's class path> GatehouseServer}, the jar's main class, so the test
 * needs no failsafe phase and no second build of the jar, and fails the same build that changed the
 * code or the docs.
 */
class DocumentedCommandsTest {

	static final String PASSWORD = "velvet-canyon-drum-91";

	/** Commands a reader is shown that this test leaves out, with the reason. */
	static final Map<String, String> SKIPPED = Map.of(
			"java -jar gatehouse-server.jar users import users.csv",
			"needs the reader's export file; ImportCommandTest runs imports",
			"java -Djarmode=tools -jar gatehouse-server.jar extract --destination /opt/gatehouse",
			"needs the packaged jar, which this test runs before");

	/** {@code java [JVM options] -jar <a gatehouse-server jar>}: group 1 the options, group 2 the jar. */
	static final Pattern JAR = Pattern.compile("java((?: -\\S+)*) -jar (\\S*gatehouse-server\\S*\\.jar)");
	/** The jar without a command (or with only settings): a server. */
	static final Pattern SERVER = Pattern.compile("^(?:java(?: -\\S+)* -jar \\S+\\.jar|bin/gatehouse)(?: --\\S+=\\S*)*$");
	/** The launcher named relative to the repository (not /opt/gatehouse/bin/gatehouse). */
	static final Pattern LAUNCHER = Pattern.compile("(?<![\\w/.-])bin/gatehouse\\b");
	static final Pattern PLACEHOLDER = Pattern.compile("\\.\\.\\.|…|<|\\$|(?<![-.\\w])[A-Z]{3,}(?![-.\\w])");
	static final Pattern OTHER_HOST = Pattern.compile("https?://(?!localhost:8080)|\\b(?!localhost:8080)[\\w.-]+:\\d{2,5}/");

	/** What bin/gatehouse runs here (set before the first command). */
	static Path serverJar;

	@Test
	void everyCommandInTheReadmeAndTheDocsWorksAsShown() throws Exception {
		Path repository = Path.of("").toAbsolutePath().getParent();
		List<Command> commands = DocumentedCommands.in(repository);
		Path directory = Files.createTempDirectory("gatehouse-docs");
		int port = freePort();

		assertThat(commands).extracting(Command::text).as("every skipped command is still in the docs")
			.containsAll(SKIPPED.keySet());
		Command start = commands.get(1);
		assertThat(start.document() + " " + start.text()).as("the README's first command starts the server through the launcher")
			.isEqualTo("README.md bin/gatehouse");
		serverJar = PathingJar.create(directory.resolve("gatehouse-server-test.jar"));

		Path serverLog = directory.resolve("server.log");
		Process server = shell(start.text() + " > server.log 2>&1", directory, port).start();
		List<String> failures = new ArrayList<>();
		try {
			awaitHealth(port, server, serverLog);
			for (Command command : commands) {
				checkJarName(command, repository, failures);
				if (command == start) {
					continue;
				}
				String skipped = skipReason(command);
				if (skipped == null) {
					run(command, directory, port, failures);
				}
				System.out.println((skipped == null ? "ran " : "skipped (" + skipped + ") ") + command.where());
			}
			String log = Files.readString(serverLog);
			assertThat(log).as("the first-admin link the README promises")
				.containsPattern("Create the first one within 60 minutes at \\S*/setup/\\S+");
			assertThat(log).as("no Flyway upgrade warning at start").doesNotContain("newer than the version Flyway");
		}
		finally {
			server.descendants().forEach(ProcessHandle::destroy);
			server.destroy();
			server.waitFor(20, TimeUnit.SECONDS);
		}
		assertThat(failures).as("documented commands that do not work as shown").isEmpty();
	}

	/**
	 * A jar a command names is the one the build makes, or a short name the document says is that
	 * file (as deployment.md and migrating.md do for the copy an operator deploys).
	 */
	static void checkJarName(Command command, Path repository, List<String> failures) throws IOException {
		String built = "gatehouse-server/target/" + artifactJarName();
		Matcher jar = JAR.matcher(command.text());
		while (jar.find()) {
			String named = jar.group(2);
			String shortName = Path.of(named).getFileName().toString();
			String declaration = "`" + shortName + "` below is the jar the build makes, `" + built + "`";
			if (!named.equals(built) && !Files.readString(repository.resolve(command.document())).contains(declaration)) {
				failures.add(command.where() + " names " + named + ", the build makes " + built
						+ " (or say in the document: " + declaration + ")");
			}
		}
	}

	static String skipReason(Command command) {
		String text = command.text();
		if (SKIPPED.containsKey(text)) {
			return SKIPPED.get(text);
		}
		if (SERVER.matcher(text).matches()) {
			return "starts a second server; this test starts one, the README's way, and runs the rest against it";
		}
		if (text.startsWith("mvn ")) {
			return "builds or tests: this test runs inside that build";
		}
		if (OTHER_HOST.matcher(text).find()) {
			return "an example for another deployment (a public host, or the nginx of ops/cluster.sh)";
		}
		if (PLACEHOLDER.matcher(text).find()) {
			return "a template with a placeholder for the reader to fill in";
		}
		return null;
	}

	private static void run(Command command, Path directory, int port, List<String> failures) throws Exception {
		Path out = directory.resolve("out.txt");
		Path err = directory.resolve("err.txt");
		// curl answers 0 to a 404 or a 500 unless asked not to
		String text = command.text().replace("localhost:8080", "localhost:" + port).replaceFirst("^curl ", "curl --fail-with-body ");
		Process process = shell(text, directory, port)
			.redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.start();
		process.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		// generous: on a shared 2-core machine a command that starts the application took minutes
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			failures.add(command.where() + " did not finish within 120 s");
			return;
		}
		String stdout = Files.readString(out).strip();
		if (process.exitValue() != 0) {
			failures.add(command.where() + " exited " + process.exitValue() + ": " + Files.readString(err).strip());
		}
		else if (command.expectedOutput() != null && !stdout.equals(command.expectedOutput())) {
			failures.add(command.where() + " printed `" + stdout + "`, the document shows `"
					+ command.expectedOutput() + "`");
		}
	}

	/**
	 * The command in bash, its {@code java -jar <the server jar>} run from this test's class path, and
	 * {@code bin/gatehouse} the repository's launcher running a {@link PathingJar} over that class path.
	 */
	private static ProcessBuilder shell(String command, Path directory, int port) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = " -cp '" + System.getProperty("java.class.path") + "' " + GatehouseServer.class.getName();
		String withJava = JAR.matcher(command).replaceAll(jar -> Matcher.quoteReplacement(
				"'" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m" + jar.group(1) + classPath));
		Path launcher = Path.of("").toAbsolutePath().getParent().resolve("bin/gatehouse");
		String shellCommand = LAUNCHER.matcher(withJava)
			.replaceAll(Matcher.quoteReplacement("'" + launcher + "'"));
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", shellCommand)
			.directory(directory.toFile());
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().put("GATEHOUSE_JAR", serverJar.toString());
		builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx256m");
		return builder;
	}

	private static void awaitHealth(int port, Process server, Path log) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
		while (Instant.now().isBefore(deadline)) {
			assertThat(server.isAlive()).as("the server is running; its log:\n%s", readQuietly(log)).isTrue();
			try {
				HttpResponse<Void> health = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			server.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("the server was not healthy within 240 s; its log:\n" + readQuietly(log));
	}

	private static String artifactJarName() throws IOException {
		String pom = Files.readString(Path.of("pom.xml"));
		String parent = Files.readString(Path.of("..", "pom.xml"));
		Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(parent.substring(parent.indexOf("<artifactId>gatehouse-parent")));
		assertThat(version.find()).isTrue();
		assertThat(pom).doesNotContain("<finalName>");
		return "gatehouse-server-" + version.group(1) + ".jar";
	}

	private static String readQuietly(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
