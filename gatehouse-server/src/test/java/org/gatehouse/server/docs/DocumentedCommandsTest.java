package org.gatehouse.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.gatehouse.mfa.Base32;
import org.gatehouse.mfa.Totp;
import org.gatehouse.server.GatehouseServer;
import org.gatehouse.server.docs.DocumentedCommands.Command;
import org.gatehouse.server.docs.DocumentedCommands.ExampleFile;
import org.gatehouse.server.launcher.PathingJar;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Runs every command README.md and docs/*.md show (see {@link DocumentedCommands} for which) in a
 * shell against a server started the README's way on a free port, in a fresh working directory
 * (so a fresh ./data/), and fails naming the document, line and command when one exits non-zero,
 * prints something other than the output the document shows ({@code → `output`}), or answers with
 * another status or other field names than its {@code # => STATUS sample} shows ({@link DocumentedAnswer}).
 * It prints what it ran and what it skipped and why, and fails when fewer than {@link #AT_LEAST_RAN}
 * commands ran.
 * <p>
 * The commands of a document run in order in one working directory, so files (cookie jars) carry
 * over, and each runs after the document's shell definitions before it ({@code JAR=cookies.txt},
 * {@code csrf() { … }}). In a command:
 * <ul>
 * <li>{@code localhost:8080} and {@code https://accounts.example.org} (docs/api.md's example host) are
 * the server under test; {@code java -jar ...} is the README's shorthand for the built jar;</li>
 * <li>{@code $TOKEN}, {@code $ADMIN_TOKEN}, {@code <id>} and {@code <last path segment of the mailed link>}
 * are filled from earlier answers and the mails the server logs ({@link WalkThrough});</li>
 * <li>any other placeholder ({@code ...}, {@code <…>}, an undefined {@code $VAR}, an upper-case word like
 * {@code NAME}) marks a form for the reader, not a command, and is skipped;</li>
 * <li>a file a document shows ({@code `users.csv`:} and a fenced block) is created first.</li>
 * </ul>
 * Standard input is a password line (the README's {@code users create} reads it). The start log may
 * have no WARN line but the documented ones (the development secret key, the first-admin link).
 * <p>
 * It runs in the test phase, before the jar is packaged: {@code java -jar <the server jar>} is run
 * as {@code java -cp <this test's class path> GatehouseServer}, the jar's main class, so the test
 * needs no failsafe phase and no second build of the jar, and fails the same build that changed the
 * code or the docs.
 */
class DocumentedCommandsTest {

	static final String PASSWORD = "velvet-canyon-drum-91";

	/** A floor: fewer commands ran means the extraction or the docs lost some. */
	static final int AT_LEAST_RAN = 30;

	/** Commands a reader is shown that this test leaves out, with the reason. */
	static final Map<String, String> SKIPPED = Map.of(
			"java -Djarmode=tools -jar gatehouse-server.jar extract --destination /opt/gatehouse",
			"needs the packaged jar, which this test runs before");

	/** Commands that start so, with the reason they are left out (the first that applies). */
	static final List<Map.Entry<String, String>> SKIPPED_BY_START = List.of(
			Map.entry("mvn ", "builds or tests: this test runs inside that build"),
			Map.entry("ops/cluster.sh", "runs a cluster of its own (PostgreSQL, Redis, two servers, nginx) on fixed ports; .ci/run runs it"),
			Map.entry("ops/", "a fault scenario or scanner against the cluster of ops/cluster.sh"),
			Map.entry("bench/", "a benchmark that runs for minutes; bench/RESULTS.md has its results"));

	/** {@code java [JVM options] -jar <a gatehouse-server jar>}: group 1 the options, group 2 the jar. */
	static final Pattern JAR = Pattern.compile("java((?: -\\S+)*) -jar (\\S*gatehouse-server\\S*\\.jar)");
	/** The README's shorthand for the jar: {@code java -jar ... users …}. */
	static final Pattern JAR_SHORTHAND = Pattern.compile("(?<=-jar )\\.\\.\\.(?=\\s|$)");
	/** The jar without a command (or with only settings): a server. */
	static final Pattern SERVER = Pattern.compile("^(?:java(?: -\\S+)* -jar \\S+\\.jar|bin/gatehouse)(?: --\\S+=\\S*)*$");
	/** The launcher named relative to the repository (not /opt/gatehouse/bin/gatehouse). */
	static final Pattern LAUNCHER = Pattern.compile("(?<![\\w/.-])bin/gatehouse\\b");
	/** What bin/gatehouse runs here (set before the first command). */
	static Path serverJar;
	static final Pattern OTHER_HOST = Pattern.compile(
			"https?://(?!localhost:8080|accounts\\.example\\.org)|\\b(?!localhost:8080)[\\w.-]+:\\d{2,5}/");
	static final String EXAMPLE_HOST = "https://accounts.example.org";
	static final Pattern FORM = Pattern.compile("\\.\\.\\.|…|<[^>]*>?");
	static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)|\\$\\((\\w+)");
	static final Pattern UPPER_CASE_WORD = Pattern.compile("(?<![-.\\w$])(?!(?:GET|POST|PUT|PATCH|DELETE)\\b)[A-Z]{3,}(?![-.\\w])");
	static final Pattern DEFINED_NAME = Pattern.compile("^(\\w+)(?:=|\\(\\))");
	/** WARN lines the start may log, because the docs say so. */
	static final List<Pattern> DOCUMENTED_WARNINGS = List.of(
			// docs/security.md: "Development generates a random key once into ./data/secret-key … and logs a warning."
			Pattern.compile("No gatehouse\\.secret-key configured: generated a development key"),
			// README: "On the very first start, with no administrator yet, the log prints a one-time link /setup/…"
			Pattern.compile("No administrator exists\\. Create the first one within 60 minutes at \\S*/setup/\\S+"));

	@Test
	void everyCommandInTheReadmeAndTheDocsWorksAsShown() throws Exception {
		Path repository = Path.of("").toAbsolutePath().getParent();
		List<Command> commands = DocumentedCommands.in(repository);
		Path directory = Files.createTempDirectory("gatehouse-docs");
		for (ExampleFile file : DocumentedCommands.files(repository)) {
			Files.writeString(directory.resolve(file.name()), file.content());
		}
		int port = freePort();

		assertThat(commands).extracting(Command::text).as("every skipped command is still in the docs")
			.containsAll(SKIPPED.keySet());
		Command start = commands.get(1);
		assertThat(start.document() + " " + start.text()).as("the README's first command starts the server through the launcher")
			.isEqualTo("README.md bin/gatehouse");
		serverJar = PathingJar.create(directory.resolve("gatehouse-server-test.jar"));
		String builtJar = "gatehouse-server/target/" + artifactJarName();

		Path serverLog = directory.resolve("server.log");
		Process server = shell(start.text() + " > server.log 2>&1", directory, port).start();
		List<Outcome> outcomes = new ArrayList<>();
		String log;
		ExecutorService lanes = Executors.newFixedThreadPool(2);
		try {
			awaitHealth(port, server, serverLog);
			Setting setting = new Setting(repository, builtJar, directory, port, serverLog, () -> adminToken(port, commands));
			Map<String, List<Command>> documents = commands.stream().filter(command -> command != start)
				.collect(Collectors.groupingBy(Command::document, LinkedHashMap::new, Collectors.toList()));
			// the README's commands first: docs/api.md's $ADMIN_TOKEN is the README's administrator's
			outcomes.add(runDocument(documents.remove("README.md"), setting));
			// then the other documents side by side: each waits mostly for a JVM or a password hash
			List<Future<Outcome>> others = new ArrayList<>();
			for (List<Command> document : documents.values()) {
				others.add(lanes.submit(() -> runDocument(document, setting)));
			}
			for (Future<Outcome> outcome : others) {
				outcomes.add(outcome.get());
			}
			log = Files.readString(serverLog);
		}
		finally {
			lanes.shutdownNow();
			server.descendants().forEach(ProcessHandle::destroy);
			server.destroy();
			server.waitFor(20, TimeUnit.SECONDS);
		}
		Map<String, Integer> skipped = new TreeMap<>();
		outcomes.forEach(outcome -> outcome.skipped().forEach((reason, count) -> skipped.merge(reason, count, Integer::sum)));
		int ran = outcomes.stream().mapToInt(Outcome::ran).sum();
		outcomes.forEach(outcome -> outcome.report().forEach(System.out::println));
		System.out.println("Documented commands: ran " + ran + ", skipped " + skipped.values().stream().mapToInt(n -> n).sum()
				+ skipped.entrySet().stream().map(e -> "\n  " + e.getValue() + " × " + e.getKey()).collect(Collectors.joining()));
		SoftAssertions.assertSoftly(softly -> {
			softly.assertThat(outcomes.stream().flatMap(outcome -> outcome.failures().stream()))
				.as("documented commands that do not work as shown").isEmpty();
			softly.assertThat(ran).as("documented commands run (a floor)").isGreaterThanOrEqualTo(AT_LEAST_RAN);
			softly.assertThat(log).as("the first-admin link the README promises")
				.containsPattern("Create the first one within 60 minutes at \\S*/setup/\\S+");
			softly.assertThat(undocumentedStartWarnings(log)).as("WARN lines at start that no document explains").isEmpty();
		});
	}

	/** Where the commands run. */
	record Setting(Path repository, String builtJar, Path directory, int port, Path serverLog, Supplier<String> adminToken) {
	}

	/** What one document's commands did: how many ran, why the others were skipped, what failed, one line each. */
	record Outcome(int ran, Map<String, Integer> skipped, List<String> failures, List<String> report) {
	}

	/** Runs a document's commands in order, after its shell definitions. */
	static Outcome runDocument(List<Command> commands, Setting setting) throws Exception {
		WalkThrough walkThrough = new WalkThrough(setting.serverLog(), setting.adminToken());
		StringBuilder definitions = new StringBuilder();
		Map<String, Integer> skipped = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<String> report = new ArrayList<>();
		int ran = 0;
		for (Command command : commands) {
			checkJarName(command, setting.repository(), failures);
			if (command.definition()) {
				definitions.append(command.text()).append('\n');
				continue;
			}
			String text = JAR_SHORTHAND.matcher(command.text()).replaceAll(setting.builtJar());
			String reason = skipReason(text, definedNames(definitions));
			if (reason == null) {
				Instant started = Instant.now();
				run(command, text, definitions.toString(), walkThrough, setting, failures);
				ran++;
				report.add(String.format("ran (%.1f s) %s", Duration.between(started, Instant.now()).toMillis() / 1000.0, command.where()));
			}
			else {
				skipped.merge(reason, 1, Integer::sum);
				report.add("skipped (" + reason + ") " + command.where());
			}
		}
		return new Outcome(ran, skipped, failures, report);
	}

	/** The WARN lines of the start (up to "Started …") other than {@link #DOCUMENTED_WARNINGS}. */
	static List<String> undocumentedStartWarnings(String log) {
		int started = log.indexOf(" Started ");
		String start = started < 0 ? log : log.substring(0, started);
		return start.lines()
			.filter(line -> line.matches("\\S+\\s+WARN\\b.*"))
			.filter(line -> DOCUMENTED_WARNINGS.stream().noneMatch(warning -> warning.matcher(line).find()))
			.toList();
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

	static String skipReason(String text, Set<String> defined) {
		if (SKIPPED.containsKey(text)) {
			return SKIPPED.get(text);
		}
		if (SERVER.matcher(text).matches()) {
			return "starts the server: the one this test started (the README's way, with -Xmx256m) stands for it";
		}
		for (Map.Entry<String, String> skipped : SKIPPED_BY_START) {
			if (text.startsWith(skipped.getKey())) {
				return skipped.getValue();
			}
		}
		if (OTHER_HOST.matcher(text).find()) {
			return "an example for another deployment (the nginx of ops/cluster.sh)";
		}
		String placeholder = placeholder(text, defined);
		if (placeholder != null) {
			return "a form for the reader to fill in, not a command: " + placeholder;
		}
		return null;
	}

	/** A placeholder this test cannot fill, or null. */
	static String placeholder(String text, Set<String> defined) {
		String rest = text.replace(WalkThrough.ID, "").replace(WalkThrough.MAILED_TOKEN, "");
		Matcher form = FORM.matcher(rest);
		if (form.find()) {
			return form.group();
		}
		String unquoted = rest.replaceAll("'[^']*'", "''");
		Matcher variable = VARIABLE.matcher(unquoted);
		while (variable.find()) {
			String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
			if (!defined.contains(name) && !WalkThrough.VARIABLES.contains(name)) {
				return variable.group();
			}
		}
		Matcher upperCase = UPPER_CASE_WORD.matcher(unquoted);
		return upperCase.find() ? upperCase.group() : null;
	}

	static Set<String> definedNames(CharSequence definitions) {
		Set<String> names = new HashSet<>();
		definitions.toString().lines().map(DEFINED_NAME::matcher).filter(Matcher::find).forEach(name -> names.add(name.group(1)));
		return names;
	}

	private static void run(Command command, String text, String definitions, WalkThrough walkThrough, Setting setting,
			List<String> failures) throws Exception {
		Path directory = setting.directory();
		int port = setting.port();
		walkThrough.next();
		Map<String, String> environment;
		try {
			text = walkThrough.fill(text);
			environment = walkThrough.environment(text);
		}
		catch (IllegalStateException ex) {
			failures.add(command.where() + ": " + ex.getMessage());
			walkThrough.answered(null);
			return;
		}
		text = text.replace("localhost:8080", "localhost:" + port).replace(EXAMPLE_HOST, "http://localhost:" + port);
		boolean curl = text.startsWith("curl ");
		if (curl) {
			// curl answers 0 to a 404 or a 500 unless asked not to; the status is the last line. A documented
			// refusal ("# => 401") is compared by its status instead.
			boolean documentedRefusal = command.answer() != null && command.answer().matches("(?s)=>\\s*[45]\\d\\d\\b.*");
			text = "curl " + (documentedRefusal ? "" : "--fail-with-body ") + "-w '\\n%{http_code}' "
					+ text.substring("curl ".length());
		}
		Path out = Files.createTempFile(directory, "out", ".txt");
		Path err = Files.createTempFile(directory, "err", ".txt");
		ProcessBuilder builder = shell(definitions + text, directory, port)
			.redirectOutput(out.toFile())
			.redirectError(err.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
		process.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		// generous: on a shared 2-core machine a command that starts the application took minutes
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			failures.add(command.where() + " did not finish within 120 s");
			walkThrough.answered(null);
			return;
		}
		String stdout = Files.readString(out).strip();
		int status = -1;
		if (curl) {
			int lastLine = stdout.lastIndexOf('\n');
			status = Integer.parseInt(stdout.substring(lastLine + 1).strip());
			stdout = lastLine < 0 ? "" : stdout.substring(0, lastLine).strip();
		}
		walkThrough.answered(DocumentedAnswer.parseOrNull(stdout));
		if (process.exitValue() != 0) {
			failures.add(command.where() + " exited " + process.exitValue() + (curl ? " (status " + status + ")" : "") + ": "
					+ Files.readString(err).strip() + " " + stdout);
		}
		else if (command.expectedOutput() != null && !stdout.equals(command.expectedOutput())) {
			failures.add(command.where() + " printed `" + stdout + "`, the document shows `"
					+ command.expectedOutput() + "`");
		}
		else if (command.answer() != null) {
			try {
				DocumentedAnswer.parse(command.answer()).differences(status, stdout)
					.forEach(difference -> failures.add(command.where() + " " + difference));
			}
			catch (IllegalArgumentException ex) {
				failures.add(command.where() + ": " + ex.getMessage());
			}
		}
	}

	/**
	 * {@code $ADMIN_TOKEN}: logs in as the administrator the README's {@code users create … --role admin}
	 * made (with {@link #PASSWORD}, the standard input of every command) and creates a token with the
	 * {@code admin} scope, as docs/api.md describes. The administrator sets up an authenticator app first, as
	 * the answer of /api/login asks (gatehouse.mfa.required-roles), and confirms the token with a code from it.
	 */
	private static String adminToken(int port, List<Command> commands) {
		Matcher admin = Pattern.compile("users create (\\S+) --role admin").matcher(commands.stream()
			.filter(command -> command.document().equals("README.md")).map(Command::text).collect(Collectors.joining("\n")));
		if (!admin.find()) {
			throw new IllegalStateException("the README creates no administrator");
		}
		try {
			CookieManager cookies = new CookieManager();
			HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
			String base = "http://localhost:" + port;
			post(client, base + "/api/login", "{\"email\":\"" + admin.group(1) + "\",\"password\":\"" + PASSWORD + "\"}", null, 202);
			String offer = post(client, base + "/api/mfa/totp", "{}", csrf(cookies), 200);
			byte[] secret = Base32.decode(DocumentedAnswer.JSON.readTree(offer).get("secret").asString());
			Totp totp = new Totp("SHA1", 6, 30, 1);
			long step = totp.step(java.time.Instant.now());
			post(client, base + "/api/mfa/totp/confirm", "{\"code\":\"" + totp.code(secret, step) + "\"}", csrf(cookies),
					200);
			String token = post(client, base + "/api/tokens", "{\"name\":\"docs\",\"scopes\":[\"admin\"],\"password\":\""
					+ PASSWORD + "\",\"code\":\"" + totp.code(secret, step + 1) + "\"}", csrf(cookies), 201);
			return DocumentedAnswer.JSON.readTree(token).get("token").asString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String csrf(CookieManager cookies) {
		return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("csrftoken"))
			.findFirst().orElseThrow().getValue();
	}

	private static String post(HttpClient client, String url, String json, String csrf, int expectedStatus)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (csrf != null) {
			request.header("X-CSRFToken", csrf);
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expectedStatus) {
			throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** The command in bash, its {@code java -jar <the server jar>} run from this test's class path. */
	private static ProcessBuilder shell(String command, Path directory, int port) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String classPath = " -cp '" + System.getProperty("java.class.path") + "' " + GatehouseServer.class.getName();
		String withJava = JAR.matcher(command).replaceAll(jar -> Matcher.quoteReplacement(
				"'" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m" + jar.group(1) + classPath));
		Path launcher = Path.of("").toAbsolutePath().getParent().resolve("bin/gatehouse");
		String shellCommand = LAUNCHER.matcher(withJava).replaceAll(Matcher.quoteReplacement("'" + launcher + "'"));
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
