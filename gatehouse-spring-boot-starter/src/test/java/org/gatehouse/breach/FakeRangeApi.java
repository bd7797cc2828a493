package org.gatehouse.breach;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Have I Been Pwned's range API on a local port (the real one is out of reach in tests): {@code GET /range/PREFIX}
 * answers {@code SUFFIX:COUNT} lines of the breached passwords with that prefix and, with {@code Add-Padding: true},
 * random padding lines of count 0. It records every request and can be made to fail or to stall.
 */
final class FakeRangeApi implements AutoCloseable {

	/** What the server saw of one request. */
	record Request(String method, String path, String query, String padding, int bodyBytes) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final HttpServer server;
	private final Map<String, Long> corpus = new ConcurrentHashMap<>();
	private final Set<String> paddedSuffixes = ConcurrentHashMap.newKeySet();
	private final List<Request> requests = new CopyOnWriteArrayList<>();
	private volatile CountDownLatch gate = new CountDownLatch(0);
	private volatile int status = 200;

	FakeRangeApi() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/range/", this::answer);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/range/";
	}

	/** Puts a password into the corpus, seen {@code count} times. */
	FakeRangeApi breached(String password, long count) {
		corpus.put(Sha1.hex(password), count);
		return this;
	}

	/** Adds a padding line (count 0) whose hash is that of {@code password}. */
	FakeRangeApi paddedWith(String password) {
		paddedSuffixes.add(Sha1.hex(password));
		return this;
	}

	FakeRangeApi failWith(int status) {
		this.status = status;
		return this;
	}

	/** Answers nothing until {@link #reset} or {@link #close}. */
	FakeRangeApi stall() {
		this.gate = new CountDownLatch(1);
		return this;
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	void reset() {
		gate.countDown();
		requests.clear();
		status = 200;
	}

	private void answer(HttpExchange exchange) throws IOException {
		byte[] requestBody = exchange.getRequestBody().readAllBytes();
		requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Add-Padding"),
				requestBody.length));
		awaitGate();
		String prefix = exchange.getRequestURI().getPath().substring("/range/".length()).toUpperCase();
		StringBuilder body = new StringBuilder();
		if (status == 200) {
			corpus.forEach((hash, count) -> {
				if (hash.startsWith(prefix)) {
					body.append(hash.substring(5)).append(':').append(count).append("\r\n");
				}
			});
			if ("true".equals(exchange.getRequestHeaders().getFirst("Add-Padding"))) {
				paddedSuffixes.stream().filter(hash -> hash.startsWith(prefix))
					.forEach(hash -> body.append(hash.substring(5)).append(":0\r\n"));
				for (int i = 0; i < 800; i++) {
					byte[] random = new byte[18];
					RANDOM.nextBytes(random);
					body.append(HexFormat.of().withUpperCase().formatHex(random), 1, 36).append(":0\r\n");
				}
			}
		}
		byte[] bytes = body.toString().getBytes(StandardCharsets.US_ASCII);
		exchange.getResponseHeaders().set("Content-Type", "text/plain");
		exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private void awaitGate() {
		try {
			gate.await(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		gate.countDown();
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}
}
