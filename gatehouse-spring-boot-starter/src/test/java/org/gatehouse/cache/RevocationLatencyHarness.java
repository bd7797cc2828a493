package org.gatehouse.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.gatehouse.session.UserSessions;
import org.gatehouse.testapp.FormClient;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.gatehouse.testapp.TestRedis;
import org.junit.jupiter.api.Test;

/**
 * Revocation latency across two instances under load: N times, a fresh session is logged in on A and read on B (so
 * B has it in its near cache), a prober asks B for it in a loop, and the session is revoked on A; the latency is the
 * time from the revocation's return on A (acknowledged) to the prober's first refusal on B. Meanwhile load threads
 * keep B busy with another session. Not part of the build (its name ends in Harness); run it with
 * <pre>
 * mvn -o -B -q -pl gatehouse-spring-boot-starter -am test -Dtest=RevocationLatencyHarness \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dlatency.revocations=200] [-Dlatency.load-threads=2]
 * </pre>
 * Results go to standard output and gatehouse-spring-boot-starter/target/revocation-latency.txt (and .tsv, which
 * bench/latency.sh records in bench/history/).
 */
class RevocationLatencyHarness {

	static final int REVOCATIONS = Integer.getInteger("latency.revocations", 200);
	static final int LOAD_THREADS = Integer.getInteger("latency.load-threads", 2);

	@Test
	void redis() throws Exception {
		measure("redis", "Redis sessions (pub/sub)", Map.of("spring.datasource.url", "jdbc:h2:mem:" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "gatehouse.session.redis-url",
				TestRedis.get().url() + "/7"));
	}

	@Test
	void postgres() throws Exception {
		measure("postgres", "PostgreSQL sessions (LISTEN/NOTIFY)", Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "gatehouse.session.store", "jdbc"));
	}

	private void measure(String key, String label, Map<String, String> props) throws Exception {
		try (GatehouseInstance a = GatehouseInstance.start(props); GatehouseInstance b = GatehouseInstance.start(props)) {
			while (!a.bean(NearCaches.class).isOpen() || !b.bean(NearCaches.class).isOpen()) {
				Thread.onSpinWait();
			}
			AtomicBoolean loading = new AtomicBoolean(true);
			AtomicLong loadRequests = new AtomicLong();
			List<CompletableFuture<Void>> load = new ArrayList<>();
			for (int i = 0; i < LOAD_THREADS; i++) {
				FormClient browser = NearCacheClusterTest.login(a, b).browser();
				load.add(CompletableFuture.runAsync(() -> {
					while (loading.get()) {
						NearCacheClusterTest.me(browser, b);
						loadRequests.incrementAndGet();
					}
				}));
			}
			List<Long> micros = new ArrayList<>();
			int beforeAck = 0;
			long started = System.nanoTime();
			for (int i = 0; i < REVOCATIONS; i++) {
				NearCacheClusterTest.Login login = NearCacheClusterTest.login(a, b);
				AtomicLong refusedAt = new AtomicLong();
				CompletableFuture<Void> prober = CompletableFuture.runAsync(() -> {
					while (NearCacheClusterTest.me(login.browser(), b).statusCode() == 200) {
						Thread.onSpinWait();
					}
					refusedAt.set(System.nanoTime());
				});
				a.bean(UserSessions.class).revokeAllExcept(login.userId(), null);
				long acknowledged = System.nanoTime();
				prober.join();
				long latency = refusedAt.get() - acknowledged;
				if (latency < 0) {
					beforeAck++;
				}
				micros.add(Math.max(0, latency) / 1000);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			loading.set(false);
			CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).join();
			Collections.sort(micros);
			String result = String.format("%s: %d revocations on A, %d load threads on B (%.0f req/s besides the "
					+ "probers); time from revocation acknowledged on A to first refusal on B: median %.2f ms, p99 "
					+ "%.2f ms, max %.2f ms; %d refused on B before A acknowledged", label, REVOCATIONS, LOAD_THREADS,
					loadRequests.get() / seconds, percentile(micros, 50) / 1000.0, percentile(micros, 99) / 1000.0,
					micros.get(micros.size() - 1) / 1000.0, beforeAck);
			System.out.println(result);
			write("revocation-latency.txt", result);
			write("revocation-latency.tsv", String.join(System.lineSeparator(),
					"latency_%s_p50\t%.2f".formatted(key, percentile(micros, 50) / 1000.0),
					"latency_%s_p99\t%.2f".formatted(key, percentile(micros, 99) / 1000.0),
					"latency_%s_max\t%.2f".formatted(key, micros.get(micros.size() - 1) / 1000.0),
					"latency_%s_before_ack\t%d".formatted(key, beforeAck),
					"latency_%s_load_rps\t%.0f".formatted(key, loadRequests.get() / seconds),
					"latency_revocations\t%d".formatted(REVOCATIONS),
					"latency_load_threads\t%d".formatted(LOAD_THREADS)));
			assertThat(micros).hasSize(REVOCATIONS);
		}
	}

	private static long percentile(List<Long> sorted, int p) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
	}

	private static void write(String file, String line) throws IOException {
		Files.writeString(Path.of("target", file), line + System.lineSeparator(),
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
