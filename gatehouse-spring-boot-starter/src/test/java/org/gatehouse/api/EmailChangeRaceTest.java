package org.gatehouse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gatehouse.emailchange.ChangeEmailMails.CONFIRM_SUBJECT;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gatehouse.account.UserStore;
import org.gatehouse.emailchange.ChangeEmailMails;
import org.gatehouse.password.PasswordService;
import org.gatehouse.testapp.GatehouseInstance;
import org.gatehouse.testapp.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two accounts confirm a change to the same address at the same moment, against a real PostgreSQL:
 * the unique email_key decides, exactly one account gets the address, the other a clear 409 and its
 * old address.
 */
class EmailChangeRaceTest {

	static GatehouseInstance app;
	static int port;

	@BeforeAll
	static void start() {
		app = GatehouseInstance.start(Map.of("spring.datasource.url", TestPostgres.get().jdbcUrl(),
				"spring.datasource.username", TestPostgres.get().username(), "spring.mail.host", "127.0.0.1"));
		port = URI.create(app.baseUrl()).getPort();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void twoAccountsConfirmingOneAddressAtOnceMakeOneOwner() throws Exception {
		ApiTestUsers users = new ApiTestUsers(app.bean(UserStore.class), app.bean(PasswordService.class));
		UserStore store = app.bean(UserStore.class);
		for (int round = 0; round < 5; round++) {
			String target = ApiTestUsers.uniqueEmail();
			String first = ApiTestUsers.uniqueEmail();
			String second = ApiTestUsers.uniqueEmail();
			for (String owner : List.of(first, second)) {
				ApiClient.Response requested = users.loggedIn(port, owner).post("/api/account/email",
						Map.of("email", target, "password", ApiTestUsers.PASSWORD));
				assertThat(requested.status()).as(requested.body()).isEqualTo(202);
			}
			List<String> tokens = new ArrayList<>();
			for (String owner : List.of(first, second)) {
				tokens.add(tokenFor(target, owner));
			}

			List<ApiClient.Response> answers = together(tokens.stream()
				.<Callable<ApiClient.Response>>map(token -> () -> new ApiClient(port)
					.post("/api/account/email/confirm", Map.of("token", token)))
				.toList());

			assertThat(answers).extracting(ApiClient.Response::status).containsExactlyInAnyOrder(200, 409);
			ApiClient.Response loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
			assertThat(loser.contentType()).startsWith("application/problem+json");
			assertThat(loser.detail()).contains("taken by another account");
			boolean firstWon = store.findByEmail(first).isEmpty();
			assertThat(store.findByEmail(target)).isPresent();
			assertThat(store.findByEmail(firstWon ? second : first)).as("the loser keeps its address").isPresent();
			assertThat(store.findByEmail(firstWon ? first : second)).isEmpty();
		}
	}

	/** The confirmation token of the mail to {@code target} that names {@code owner}'s current address. */
	private static String tokenFor(String target, String owner) {
		for (int attempt = 0; attempt < 50; attempt++) {
			for (String body : ChangeEmailMails.bodies(target, CONFIRM_SUBJECT)) {
				if (body.contains(owner)) {
					String path = URI.create(ChangeEmailMails.link(body)).getPath();
					return path.substring(path.lastIndexOf('/') + 1);
				}
			}
			ChangeEmailMails.await(target, CONFIRM_SUBJECT);
		}
		throw new AssertionError("No confirmation mail to " + target + " for " + owner);
	}

	private static <T> List<T> together(List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(calls.size());
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					go.await();
					return call.call();
				}));
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
