package org.gatehouse.server.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A PostgreSQL server (Debian package postgresql) in a fresh temporary cluster on a free loopback port, with one
 * empty database: for the second Gatehouse of the external sign-in tests, so that the provider's token tables are
 * exercised on PostgreSQL too. (The starter's tests have their own, TestPostgres; the server's tests cannot see it.)
 */
final class ThrowawayPostgres implements AutoCloseable {

	private final Path bin;
	private final Path data;
	private final Path log;
	private final int port;

	private ThrowawayPostgres(Path bin, Path data, Path log, int port) {
		this.bin = bin;
		this.data = data;
		this.log = log;
		this.port = port;
	}

	static ThrowawayPostgres start() {
		try {
			Path bin = binaries();
			Path dir = Files.createTempDirectory("gatehouse-provider-pg");
			Path log = Files.createFile(dir.resolve("postgres.log"));
			if (runningAsRoot()) {
				run(List.of("chown", "-R", "postgres:postgres", dir.toString()), log);
			}
			int port = freePort();
			ThrowawayPostgres postgres = new ThrowawayPostgres(bin, dir.resolve("data"), log, port);
			run(asPostgres(bin.resolve("initdb").toString(), "-D", postgres.data.toString(), "-U", "gatehouse",
					"--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"), log);
			// -w: returns once the server accepts connections
			run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", postgres.data.toString(), "-w", "-l",
					dir.resolve("server.log").toString(), "-o", "-p " + port + " -c listen_addresses=127.0.0.1 "
							+ "-c unix_socket_directories=" + dir + " -c fsync=off", "start"), log);
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
			run(asPostgres(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
					"gatehouse", "gatehouse"), log);
			return postgres;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/gatehouse?user=gatehouse";
	}

	@Override
	public void close() {
		try {
			run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), log);
		}
		catch (IllegalStateException alreadyStopped) {
			// closed twice (by the test, then the shutdown hook)
		}
	}

	private static Path binaries() throws IOException {
		try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			return versions.map(version -> version.resolve("bin"))
				.filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
				.max(Comparator.comparing(Path::toString))
				.orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql (see .ci/run)"));
		}
	}

	private static List<String> asPostgres(String... command) {
		List<String> line = new ArrayList<>();
		if (runningAsRoot()) {
			line.addAll(List.of("runuser", "-u", "postgres", "--")); // PostgreSQL refuses to run as root
		}
		line.addAll(List.of(command));
		return line;
	}

	private static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(command + " failed: " + Files.readString(log));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + command.get(0) + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
