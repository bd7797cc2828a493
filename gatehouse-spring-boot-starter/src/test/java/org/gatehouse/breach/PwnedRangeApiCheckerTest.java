package org.gatehouse.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PwnedRangeApiCheckerTest {

	private static final String BREACHED = "correct horse battery staple";
	private static final String UNKNOWN = "a-password-no-breach-has-9f3c";

	private final FakeRangeApi api = new FakeRangeApi().breached(BREACHED, 3_861_493);

	@AfterEach
	void stop() {
		api.close();
	}

	private PwnedRangeApiChecker checker(String url, Duration timeout) {
		return new PwnedRangeApiChecker(url, timeout, 100, Duration.ofHours(1));
	}

	@Test
	void onlyTheFivePrefixCharactersLeaveTheServerWithPaddingAsked() {
		assertThat(checker(api.url(), Duration.ofSeconds(2)).check(BREACHED).isCompromised()).isTrue();

		String hash = Sha1.hex(BREACHED);
		assertThat(api.requests()).singleElement().satisfies(request -> {
			assertThat(request.method()).isEqualTo("GET");
			assertThat(request.path()).isEqualTo("/range/" + hash.substring(0, 5));
			assertThat(request.query()).isNull();
			assertThat(request.bodyBytes()).isZero();
			assertThat(request.padding()).isEqualTo("true");
		});
	}

	@Test
	void aPasswordOutsideTheCorpusIsNotCompromised() {
		assertThat(checker(api.url(), Duration.ofSeconds(2)).check(UNKNOWN).isCompromised()).isFalse();
	}

	@Test
	void aPaddingLineWithCountZeroIsNoHit() {
		api.paddedWith(UNKNOWN);
		assertThat(checker(api.url(), Duration.ofSeconds(2)).check(UNKNOWN).isCompromised()).isFalse();
	}

	@Test
	void aSecondCheckOfTheSamePrefixAsksNothing() {
		PwnedRangeApiChecker checker = checker(api.url(), Duration.ofSeconds(2));
		assertThat(checker.check(BREACHED).isCompromised()).isTrue();
		assertThat(checker.check(BREACHED).isCompromised()).isTrue();
		assertThat(checker.check(UNKNOWN).isCompromised()).isFalse();
		assertThat(checker.check(UNKNOWN).isCompromised()).isFalse();
		assertThat(api.requests()).hasSize(2);
	}

	@Test
	void anErrorAnswerIsAFailureNotACleanPassword() {
		api.failWith(503);
		PwnedRangeApiChecker checker = checker(api.url(), Duration.ofSeconds(2));
		assertThatThrownBy(() -> checker.check(BREACHED)).isInstanceOf(BreachCorpusUnavailableException.class);
		api.reset();
		assertThat(checker.check(BREACHED).isCompromised()).as("a failure is not cached").isTrue();
	}

	@Test
	void anUnreachableServiceIsAFailure() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		PwnedRangeApiChecker checker = checker("http://127.0.0.1:" + closedPort + "/range/", Duration.ofSeconds(2));
		assertThatThrownBy(() -> checker.check(BREACHED)).isInstanceOf(BreachCorpusUnavailableException.class);
	}

	@Test
	void aSlowServiceIsAFailureAfterTheTimeout() {
		api.stall();
		PwnedRangeApiChecker checker = checker(api.url(), Duration.ofMillis(300));
		Instant start = Instant.now();
		assertThatThrownBy(() -> checker.check(BREACHED)).isInstanceOf(BreachCorpusUnavailableException.class);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}
}
