package org.gatehouse.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.passwords.Pbkdf2HmacSha512;

/**
 * Load generator for bench/run.sh (java.net.http only). Modes, each printing one machine-readable line:
 *
 * <pre>
 * cookie BASE EMAIL PASSWORD                          -> the gatehouse_session value after one login
 * login  BASE EMAIL PASSWORD THREADS SECONDS MAXOK    -> closed-loop logins (GET /login/ + POST /login/) until
 *                                                        SECONDS pass or MAXOK succeeded (0 = no limit), or the
 *                                                        file named by -Dloadgen.stop-file exists; each thread logs
 *                                                        in once before the clock starts (not counted), and
 *                                                        client_cpu_s is this process's CPU time while measuring
 * rate   URL COOKIE RATE SECONDS                      -> open-loop GETs at a fixed RATE/s; latency counted from each
 *                                                        request's intended start (no coordinated omission)
 * hash   ROUNDS THREADS SECONDS                       -> Gatehouse PBKDF2-HMAC-SHA512 hashes/s in THREADS threads,
 *                                                        and cpu_ms_per_hash (the hashing threads' CPU time)
 * </pre>
 *
 * Percentiles are exact, from the sorted samples.
 */
public final class LoadGen {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
	private static final Pattern SESSION = Pattern.compile("gatehouse_session=([^;]*)");

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "cookie" -> {
				HttpClient client = client();
				System.out.println(login(client, args[1], args[2], args[3]));
			}
			case "login" -> login(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
					Integer.parseInt(args[6]));
			case "rate" -> rate(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
			case "hash" -> hash(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static HttpClient client() {
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10)).build();
	}

	/** One full login; returns the new session cookie value, or throws with the reason. */
	static String login(HttpClient client, String base, String email, String password) throws Exception {
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login/"))
				.timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("GET /login/ -> " + page.statusCode());
		}
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no _csrf input in /login/");
		}
		// whatever cookies the login page set (a session, or a CSRF cookie for a visitor without one) go back, as a
		// browser sends them
		String pageCookies = cookies(page);
		String form = "login=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login/"))
				.timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form));
		if (!pageCookies.isEmpty()) {
			request.header("Cookie", pageCookies);
		}
		HttpResponse<Void> post = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
		String location = post.headers().firstValue("Location").orElse("");
		if (post.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException("POST /login/ -> " + post.statusCode() + " Location: " + location);
		}
		return cookie(post).orElseThrow(() -> new IllegalStateException("no new session cookie after login"));
	}

	/** Every cookie a response sets, as a Cookie header value ("a=1; b=2"); deleted cookies left out. */
	private static String cookies(HttpResponse<?> response) {
		List<String> pairs = new ArrayList<>();
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0].trim();
			if (!pair.endsWith("=")) {
				pairs.add(pair);
			}
		}
		return String.join("; ", pairs);
	}

	private static Optional<String> cookie(HttpResponse<?> response) {
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher m = SESSION.matcher(header);
			if (m.find() && !m.group(1).isEmpty()) {
				return Optional.of(m.group(1));
			}
		}
		return Optional.empty();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	static void login(String base, String email, String password, int threads, int seconds, int maxOk)
			throws Exception {
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<String> firstError = new AtomicReference<>();
		List<long[]> perThread = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		// The clients' first login loads and compiles this process's HTTP code, a CPU cost of the client that would
		// otherwise fall inside the measured window on the server's cores (the hashing reference likewise hashes
		// once before its clock starts)
		List<HttpClient> clients = new ArrayList<>();
		List<java.util.concurrent.Future<?>> warmUps = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			HttpClient client = client();
			clients.add(client);
			warmUps.add(pool.submit(() -> {
				try {
					login(client, base, email, password);
				}
				catch (Exception e) {
					firstError.compareAndSet(null, "warm-up: " + e);
				}
			}));
		}
		for (var w : warmUps) {
			w.get();
		}
		long cpu0 = processCpuNanos();
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
		String stopFile = System.getProperty("loadgen.stop-file");
		BooleanSupplier stopped = stopFile == null ? () -> false
				: () -> Files.exists(Path.of(stopFile));
		List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			HttpClient client = clients.get(t);
			futures.add(pool.submit(() -> {
				long[] samples = new long[1024];
				int n = 0;
				while (System.nanoTime() < deadline && (maxOk == 0 || ok.get() + failed.get() < maxOk)
						&& !stopped.getAsBoolean()) {
					long t0 = System.nanoTime();
					try {
						login(client, base, email, password);
						ok.incrementAndGet();
						if (n == samples.length) {
							samples = Arrays.copyOf(samples, n * 2);
						}
						samples[n++] = System.nanoTime() - t0;
					}
					catch (Exception e) {
						failed.incrementAndGet();
						firstError.compareAndSet(null, e.toString());
					}
				}
				return Arrays.copyOf(samples, n);
			}));
		}
		for (var f : futures) {
			perThread.add(f.get());
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		double clientCpu = (processCpuNanos() - cpu0) / 1e9;
		pool.shutdown();
		long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"ok=%d failed=%d seconds=%.2f rate=%.2f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f client_cpu_s=%.2f%n", ok.get(),
				failed.get(), elapsed, ok.get() / elapsed, pct(all, 50), pct(all, 99), pct(all, 100), clientCpu);
		if (firstError.get() != null) {
			System.err.println("first error: " + firstError.get());
		}
	}

	static void rate(String url, String cookie, int rate, int seconds) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER).executor(Executors.newFixedThreadPool(4)).build();
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
		if (!cookie.isEmpty() && !cookie.equals("-")) {
			b.header("Cookie", "gatehouse_session=" + cookie);
		}
		HttpRequest request = b.build();
		// warm-up: a second at the target rate, not recorded
		run(client, request, rate, 1, null);
		int total = rate * seconds;
		long[] latency = new long[total];
		AtomicInteger bad = new AtomicInteger();
		AtomicLong done = new AtomicLong();
		long start = System.nanoTime();
		run(client, request, rate, seconds, (i, nanos, status) -> {
			latency[i] = nanos;
			if (status != 200) {
				bad.incrementAndGet();
			}
			done.incrementAndGet();
		});
		double elapsed = (System.nanoTime() - start) / 1e9;
		long[] sorted = latency.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"requests=%d non200=%d rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
				done.get(), bad.get(), done.get() / elapsed, pct(sorted, 50), pct(sorted, 90), pct(sorted, 99),
				pct(sorted, 99.9), pct(sorted, 100));
		System.exit(0);
	}

	interface Sink {
		void record(int index, long nanos, int status);
	}

	private static void run(HttpClient client, HttpRequest request, int rate, int seconds, Sink sink)
			throws Exception {
		int total = rate * seconds;
		long period = 1_000_000_000L / rate;
		long start = System.nanoTime();
		java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(total);
		for (int i = 0; i < total; i++) {
			long intended = start + i * period;
			long wait;
			while ((wait = intended - System.nanoTime()) > 0) {
				if (wait > 200_000) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				else {
					Thread.onSpinWait();
				}
			}
			final int index = i;
			client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
				if (sink != null) {
					sink.record(index, System.nanoTime() - intended, e == null ? r.statusCode() : -1);
				}
				latch.countDown();
			});
		}
		latch.await(60, TimeUnit.SECONDS);
	}

	static void hash(int rounds, int threads, int seconds) throws Exception {
		byte[] password = "velvet-canyon-drum-91".getBytes(StandardCharsets.UTF_8);
		byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
		Pbkdf2HmacSha512.derive(password, salt, rounds, 64); // warm-up
		AtomicInteger count = new AtomicInteger();
		AtomicLong cpu = new AtomicLong();
		long start = System.nanoTime();
		long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				long cpu0 = THREADS.getCurrentThreadCpuTime();
				while (System.nanoTime() < deadline) {
					Pbkdf2HmacSha512.derive(password, salt, rounds, 64);
					count.incrementAndGet();
				}
				cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
			});
			workers[t].start();
		}
		for (Thread w : workers) {
			w.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "hashes=%d seconds=%.2f rate=%.3f cpu_ms_per_hash=%.2f%n", count.get(), elapsed,
				count.get() / elapsed, cpu.get() / 1e6 / count.get());
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}
}
