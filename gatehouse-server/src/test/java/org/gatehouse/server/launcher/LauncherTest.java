package org.gatehouse.server.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/gatehouse, run for real: the JVM settings it derives from a (fake) container's memory and CPU limit are the
 * ones the JVM ends up with (-XX:+PrintFlagsFinal), JAVA_OPTS wins, and every argument reaches the server's
 * command line. The tests run before the jar is packaged, so the launcher runs a {@link PathingJar}.
 */
class LauncherTest {

	static final Path LAUNCHER = Path.of("").toAbsolutePath().getParent().resolve("bin/gatehouse");

	@TempDir
	static Path temp;

	static Path serverJar;

	@BeforeAll
	static void pathingJar() throws IOException {
		serverJar = PathingJar.create(temp.resolve("gatehouse-server-test.jar"));
	}

	@Test
	void versionThroughTheLauncher() throws Exception {
		assertThat(Files.isExecutable(LAUNCHER)).as("bin/gatehouse is executable as checked out").isTrue();
		Result result = launch(Map.of(), "--version");
		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.out).startsWith("Gatehouse server ");
	}

	@Test
	void everyArgumentReachesTheCommandLine() throws Exception {
		Result result = launch(Map.of(), "secret-key", "generate");
		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.out.strip()).matches("[A-Za-z0-9_-]{43,}");
		Result unknown = launch(Map.of(), "userz");
		assertThat(unknown.exit).isEqualTo(2);
		assertThat(unknown.err).contains("userz");
	}

	@Test
	void aSmallContainerGetsHalfItsMemoryAsHeapSerialGcAndSmallCaches() throws Exception {
		Path cgroup = Files.createDirectories(temp.resolve("cgroup-v2"));
		Files.writeString(cgroup.resolve("memory.max"), Long.toString(512L << 20) + "\n");
		Files.writeString(cgroup.resolve("cpu.max"), "100000 100000\n");
		Result result = launch(Map.of("GATEHOUSE_CGROUP_ROOT", cgroup.toString(), "JAVA_OPTS", "-XX:+PrintFlagsFinal"),
				"--version");

		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.err).contains("memory 512 MB (cgroup v2 limit), 1 CPUs, MALLOC_ARENA_MAX=2");
		assertThat(flag(result, "MaxHeapSize")).isEqualTo(Long.toString(256L << 20));
		assertThat(flag(result, "InitialHeapSize")).isEqualTo(Long.toString(64L << 20));
		assertThat(flag(result, "UseSerialGC")).isEqualTo("true");
		assertThat(flag(result, "ReservedCodeCacheSize")).isEqualTo(Long.toString(64L << 20));
		assertThat(flag(result, "MaxMetaspaceSize")).isEqualTo(Long.toString(256L << 20));
		assertThat(flag(result, "ThreadStackSize")).isEqualTo("512");
		assertThat(flag(result, "ExitOnOutOfMemoryError")).isEqualTo("true");
		Runtime.Version jdk = Runtime.version();
		if (jdk.feature() >= 22 || jdk.feature() == 21 && jdk.update() >= 1 || jdk.feature() == 17 && jdk.update() >= 9) {
			assertThat(flag(result, "TrimNativeHeapInterval")).isEqualTo("5000");
		}
	}

	@Test
	void aLargerCgroupV1ContainerWithFourCpusGetsG1() throws Exception {
		Path cgroup = temp.resolve("cgroup-v1");
		Files.createDirectories(cgroup.resolve("memory"));
		Files.createDirectories(cgroup.resolve("cpu"));
		Files.writeString(cgroup.resolve("memory/memory.limit_in_bytes"), Long.toString(3L << 30));
		Result result = launch(Map.of("GATEHOUSE_CGROUP_ROOT", cgroup.toString(), "GATEHOUSE_CPUS", "4",
				"JAVA_OPTS", "-XX:+PrintFlagsFinal"), "--version");

		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.err).contains("memory 3072 MB (cgroup v1 limit), 4 CPUs");
		assertThat(flag(result, "MaxHeapSize")).isEqualTo(Long.toString(1536L << 20));
		assertThat(flag(result, "UseG1GC")).isEqualTo("true");
		assertThat(flag(result, "ReservedCodeCacheSize")).isEqualTo(Long.toString(128L << 20));
	}

	@Test
	void javaOptsWin() throws Exception {
		Result result = launch(Map.of("GATEHOUSE_MEMORY", "512m",
				"JAVA_OPTS", "-Xmx100m -XX:+UseParallelGC -Xss1m -XX:+PrintFlagsFinal"), "--version");

		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.err).contains("memory 512 MB (GATEHOUSE_MEMORY)");
		assertThat(flag(result, "MaxHeapSize")).isEqualTo(Long.toString(100L << 20));
		assertThat(flag(result, "UseParallelGC")).isEqualTo("true");
		assertThat(flag(result, "UseSerialGC")).isEqualTo("false");
		assertThat(flag(result, "ThreadStackSize")).isEqualTo("1024");
		assertThat(launch(Map.of("MALLOC_ARENA_MAX", "4"), "--version").err).contains("MALLOC_ARENA_MAX=4");
	}

	@Test
	void aShortCommandRunsOnTheQuickCompilerAloneTheBulkCommandsAndJavaOptsKeepBoth() throws Exception {
		Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal");
		assertThat(flag(launch(flags, "secret-key", "generate"), "TieredStopAtLevel")).isEqualTo("1");
		assertThat(flag(launch(flags, "users", "import", "--help"), "TieredStopAtLevel")).isEqualTo("4");
		assertThat(flag(launch(flags, "migrate", "--help"), "TieredStopAtLevel")).isEqualTo("4");
		assertThat(flag(launch(Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4 -XX:+PrintFlagsFinal"), "secret-key",
				"generate"), "TieredStopAtLevel")).isEqualTo("4");
	}

	@Test
	void withoutAJarItSaysHowToBuildOne() throws Exception {
		Result result = launch(Map.of("GATEHOUSE_JAR", temp.resolve("missing.jar").toString()), "--version");
		assertThat(result.exit).isEqualTo(1);
		assertThat(result.err).contains("no server jar found").contains("mvn -B -q -DskipTests package");
	}

	@Test
	void inTheSourceTreeTheFastArchiveIsUsedUnlessOlderThanTheJar() throws Exception {
		Path home = installLauncher(temp.resolve("tree"));
		Path target = Files.createDirectories(home.resolve("gatehouse-server/target/fast")).getParent();
		Path built = Files.copy(serverJar, target.resolve("gatehouse-server-9.9.jar"));
		Path fast = Files.copy(serverJar, target.resolve("fast/gatehouse-server.jar"));
		Files.writeString(target.resolve("fast/gatehouse.jsa"), "");
		Files.writeString(target.resolve("fast/gatehouse.aot"), "");
		Files.setLastModifiedTime(built, FileTime.from(Instant.now().minusSeconds(60)));

		Result result = launch(home, Map.of("JAVA_HOME", System.getProperty("java.home")), "--version");
		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.err).contains("-jar " + fast + " --version");
		assertThat(result.err).contains(Runtime.version().feature() >= 25 ? "-XX:AOTCache=" + target.resolve("fast/gatehouse.aot")
				: "-XX:SharedArchiveFile=" + target.resolve("fast/gatehouse.jsa"));

		Files.setLastModifiedTime(built, FileTime.from(Instant.now().plusSeconds(60)));
		Result rebuilt = launch(home, Map.of(), "--version");
		assertThat(rebuilt.exit).as(rebuilt.err).isZero();
		assertThat(rebuilt.err).contains("-jar " + built + " --version").doesNotContain("gatehouse.jsa", "gatehouse.aot");
	}

	@Test
	void installedTheJarIsNextToBin() throws Exception {
		Path home = installLauncher(temp.resolve("opt-gatehouse"));
		Path jar = Files.copy(serverJar, home.resolve("gatehouse-server.jar"));
		Result result = launch(home, Map.of(), "--version");
		assertThat(result.exit).as(result.err).isZero();
		assertThat(result.err).contains("-jar " + jar + " --version");
		assertThat(result.out).startsWith("Gatehouse server ");
	}

	record Result(int exit, String out, String err) {
	}

	private static String flag(Result result, String name) {
		return result.out.lines().map(String::strip).filter(line -> line.matches("\\S+ " + name + " +:?= .*"))
			.map(line -> line.replaceFirst(".*:?= (\\S+).*", "$1")).findFirst().orElse("(no " + name + ")");
	}

	private static Result launch(Map<String, String> environment, String... arguments) throws Exception {
		Map<String, String> withJar = new java.util.HashMap<>(environment);
		withJar.putIfAbsent("GATEHOUSE_JAR", serverJar.toString());
		return run(LAUNCHER, withJar, arguments);
	}

	private static Result launch(Path home, Map<String, String> environment, String... arguments) throws Exception {
		return run(home.resolve("bin/gatehouse"), environment, arguments);
	}

	private static Result run(Path launcher, Map<String, String> environment, String... arguments) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(launcher.toString()), Stream.of(arguments)).toList())
			.directory(temp.toFile());
		builder.environment().keySet().removeIf(name -> name.startsWith("GATEHOUSE_") || name.equals("JAVA_OPTS")
				|| name.equals("MALLOC_ARENA_MAX"));
		builder.environment().put("GATEHOUSE_LAUNCHER_DEBUG", "1");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		builder.environment().putAll(environment);
		Path out = Files.createTempFile(temp, "out", ".txt");
		Path err = Files.createTempFile(temp, "err", ".txt");
		Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		process.getOutputStream().close();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("bin/gatehouse " + String.join(" ", arguments) + " did not finish within 60 s");
		}
		return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
	}

	private static Path installLauncher(Path home) throws IOException {
		Files.createDirectories(home.resolve("bin"));
		Path launcher = Files.copy(LAUNCHER, home.resolve("bin/gatehouse"));
		assertThat(launcher.toFile().setExecutable(true)).isTrue();
		return home;
	}
}
