package org.gatehouse.testapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A real PostgreSQL server (Debian package postgresql) in a fresh temporary cluster, started
 * once per test JVM on a free loopback port. Trust authentication on loopback only.
 */
public final class TestPostgres {

	private static TestPostgres instance;

	private final int port;
	private final Path bin;

	private TestPostgres() throws IOException {
		this.bin = findBin();
		this.port = ExternalServer.freePort();
		Path dir = Files.createTempDirectory("gatehouse-pg");
		Path data = dir.resolve("data");
		Path log = dir.resolve("postgres.log");
		Files.createFile(log);
		if (ExternalServer.runningAsRoot()) {
			ExternalServer.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), log);
		}
		ExternalServer.run(ExternalServer.asUser("postgres", List.of(bin.resolve("initdb").toString(), "-D",
				data.toString(), "-U", "gatehouse", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")), log);
		ExternalServer.start(ExternalServer.asUser("postgres", List.of(bin.resolve("postgres").toString(), "-D",
				data.toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c",
				"unix_socket_directories=" + dir, "-c", "fsync=off", "-c", "max_connections=200")), log);
		ExternalServer.awaitPort(port, Duration.ofSeconds(30), log);
		awaitAcceptingConnections(log);
		ExternalServer.run(ExternalServer.asUser("postgres", List.of(bin.resolve("createdb").toString(), "-h",
				"127.0.0.1", "-p", Integer.toString(port), "-U", "gatehouse", "gatehouse")), log);
	}

	/** The port opens while the server still answers "the database system is starting up". */
	private void awaitAcceptingConnections(Path log) throws IOException {
		Instant deadline = Instant.now().plusSeconds(30);
		List<String> isReady = ExternalServer.asUser("postgres", List.of(bin.resolve("pg_isready").toString(), "-h",
				"127.0.0.1", "-p", Integer.toString(port), "-U", "gatehouse", "-d", "postgres"));
		while (true) {
			try {
				if (new ProcessBuilder(isReady).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start().waitFor() == 0) {
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("PostgreSQL did not accept connections in 30 s: " + Files.readString(log));
			}
		}
	}

	public static synchronized TestPostgres get() {
		if (instance == null) {
			try {
				instance = new TestPostgres();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return instance;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/gatehouse";
	}

	/** A new, empty database named {@code prefix} + random characters; returns its JDBC URL. */
	public String newDatabase(String prefix) {
		String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection admin = DriverManager.getConnection(jdbcUrl(), username(), "");
				Statement sql = admin.createStatement()) {
			sql.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return jdbcUrl().replace("/gatehouse", "/" + name);
	}

	public String username() {
		return "gatehouse";
	}

	private static Path findBin() throws IOException {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			throw new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
					+ "apt-get install postgresql (see .ci/run)");
		}
		try (var versions = Files.list(root)) {
			return versions.map(p -> p.resolve("bin")).filter(p -> Files.isExecutable(p.resolve("initdb")))
				.max(Comparator.comparing(p -> p.getParent().getFileName().toString()))
				.orElseThrow(() -> new IllegalStateException("No initdb under " + root + ": "
						+ Arrays.toString(root.toFile().list())));
		}
	}
}
