package org.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as an operator starts it (its own JVM, default configuration, working directory with
 * the H2 file under ./data): the database's AUTO_SERVER port answers on loopback, where the command
 * line reaches it (through H2's client, as its data source does) while the server runs, and on no other address of the machine. A separate JVM
 * because H2 reads its bind address once per JVM, and other tests here may have loaded it already.
 */
class EmbeddedDatabasePortTest {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	@TempDir
	Path directory;

	private Process server;

	@AfterEach
	void stopServer() throws InterruptedException {
		if (server != null) {
			server.destroy();
			server.waitFor();
		}
	}

	@Test
	void databasePortListensOnLoopbackOnlyAndTheCommandLineStillGetsIn() throws Exception {
		server = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-cp", System.getProperty("java.class.path"), GatehouseServer.class.getName(),
				"--server.port=0", "--server.address=127.0.0.1", "--gatehouse.passwords.rounds.pbkdf2_sha512=1000")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("server.log").toFile())
			.start();

		int port = awaitDatabaseServerPort(directory.resolve("data/gatehouse.lock.db"));

		try (Socket loopback = new Socket()) {
			loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
		}
		List<InetAddress> others = nonLoopbackAddresses();
		assertThat(others).as("this test needs a network interface besides loopback").isNotEmpty();
		for (InetAddress address : others) {
			assertThatExceptionOfType(ConnectException.class).as("database port %d on %s", port, address)
				.isThrownBy(() -> {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(address, port), 2_000);
					}
				});
		}

		String url = "jdbc:h2:file:" + directory.resolve("data/gatehouse")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
		// the command line's way in: its data source opens the same URL while the server holds the file
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				ResultSet tables = connection.createStatement().executeQuery("select count(*) from information_schema.tables")) {
			assertThat(tables.next()).isTrue();
		}
		assertThat(server.isAlive()).isTrue();
	}

	/** Polls the lock file until the server has written its database server address ("host:port"). */
	private int awaitDatabaseServerPort(Path lockFile) throws Exception {
		Instant deadline = Instant.now().plus(STARTUP);
		while (Instant.now().isBefore(deadline)) {
			if (!server.isAlive()) {
				throw new AssertionError("Server exited: " + Files.readString(directory.resolve("server.log")));
			}
			if (Files.exists(lockFile)) {
				Properties lock = new Properties();
				try (Reader reader = Files.newBufferedReader(lockFile, StandardCharsets.ISO_8859_1)) {
					lock.load(reader);
				}
				catch (IOException beingWritten) {
					continue;
				}
				String address = lock.getProperty("server");
				if (address != null) {
					return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
				}
			}
			server.waitFor(200, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("No database server address in " + lockFile + " within " + STARTUP);
	}

	private static List<InetAddress> nonLoopbackAddresses() throws IOException {
		return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
			.filter(network -> {
				try {
					return network.isUp() && !network.isLoopback();
				}
				catch (IOException ex) {
					return false;
				}
			})
			.flatMap(NetworkInterface::inetAddresses)
			.filter(address -> address instanceof Inet4Address || !address.isLinkLocalAddress())
			.toList();
	}
}
