package org.gatehouse.testapp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Starts a real server binary (Redis, PostgreSQL) for tests, and stops it when the JVM ends. */
final class ExternalServer {

	private ExternalServer() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean runningAsRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Prefixes the command with runuser when running as root (PostgreSQL refuses root). */
	static List<String> asUser(String user, List<String> command) {
		if (!runningAsRoot()) {
			return command;
		}
		List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", user, "--"));
		wrapped.addAll(command);
		return wrapped;
	}

	static Process start(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
			return process;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command.get(0)
					+ ": install it (Debian: see .ci/run) — " + ex.getMessage(), ex);
		}
	}

	static void run(List<String> command, Path log) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(command + " failed: " + Files.readString(log));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run " + command + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static void awaitPort(int port, Duration timeout, Path log) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			try (Socket ignored = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException notYet) {
				Thread.onSpinWait();
			}
		}
		String output;
		try {
			output = Files.readString(log);
		}
		catch (IOException ex) {
			output = "";
		}
		throw new IllegalStateException("Server did not open port " + port + " in " + timeout + ":\n" + output);
	}
}
