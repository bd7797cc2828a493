package org.gatehouse.testapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real redis-server (Debian package redis-server) started once per test JVM on a free
 * loopback port, without persistence.
 */
public final class TestRedis {

	private static TestRedis instance;

	private final int port;
	private Process process;
	private final Path log;

	private TestRedis() {
		this.port = ExternalServer.freePort();
		try {
			this.log = Files.createTempFile("gatehouse-redis", ".log");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		start();
	}

	public static synchronized TestRedis get() {
		if (instance == null) {
			instance = new TestRedis();
		}
		return instance;
	}

	public String url() {
		return "redis://127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	public synchronized void start() {
		process = ExternalServer.start(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--protected-mode", "yes"), log);
		ExternalServer.awaitPort(port, Duration.ofSeconds(20), log);
	}

	/** Stops the server (for fault tests); {@link #start()} brings it back on the same port. */
	public synchronized void stop() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}
}
