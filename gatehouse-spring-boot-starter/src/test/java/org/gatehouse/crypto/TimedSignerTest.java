package org.gatehouse.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimedSignerTest {

	private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
	private static final Instant EXPIRY = NOW.plus(Duration.ofHours(1));
	private static final SecretKeys KEYS = new SecretKeys("timed-secret-timed-secret-timed-secret", List.of());

	@Test
	void acceptsBeforeExpiry() {
		String token = signer(NOW).sign("reset:7", EXPIRY);

		assertThat(signer(EXPIRY.minusSeconds(1)).unsign(token)).contains("reset:7");
	}

	@Test
	void rejectsAtAndAfterExpiry() {
		String token = signer(NOW).sign("reset:7", EXPIRY);

		assertThat(signer(EXPIRY).unsign(token)).isEmpty();
		assertThat(signer(EXPIRY.plus(Duration.ofDays(1))).unsign(token)).isEmpty();
	}

	@Test
	void rejectsAnExtendedExpiry() {
		String token = signer(NOW).sign("reset:7", EXPIRY);
		String extended = token.replace("." + EXPIRY.getEpochSecond() + ".",
				"." + EXPIRY.plus(Duration.ofDays(365)).getEpochSecond() + ".");

		assertThat(extended).isNotEqualTo(token);
		assertThat(signer(EXPIRY.plusSeconds(1)).unsign(extended)).isEmpty();
	}

	@Test
	void plainAndTimedSignaturesDoNotMix() {
		Signer plain = new Signer(KEYS, "reset");
		String plainSigned = plain.sign("reset:7." + EXPIRY.getEpochSecond());

		assertThat(signer(NOW).unsign(plainSigned)).isEmpty();
		assertThat(plain.unsign(signer(NOW).sign("reset:7", EXPIRY))).isEmpty();
	}

	@Test
	void rejectsOtherPurposes() {
		String token = new TimedSigner(KEYS, "confirm", fixed(NOW)).sign("reset:7", EXPIRY);

		assertThat(signer(NOW).unsign(token)).isEmpty();
	}

	private static TimedSigner signer(Instant now) {
		return new TimedSigner(KEYS, "reset", fixed(now));
	}

	private static Clock fixed(Instant now) {
		return Clock.fixed(now, ZoneOffset.UTC);
	}
}
