package org.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class SignerTest {

	private static final String OLD_KEY = "old-secret-old-secret-old-secret-old";
	private static final String NEW_KEY = "new-secret-new-secret-new-secret-new";
	private static final Signer SIGNER = new Signer(new SecretKeys(NEW_KEY, List.of()), "purpose");
	private static final String SIGNED = SIGNER.sign("user:42");

	@Test
	void roundTripsAndKeepsTheValueReadable() {
		assertThat(SIGNED).startsWith("user:42.");
		assertThat(SIGNER.unsign(SIGNED)).contains("user:42");
	}

	@Test
	void signatureIsHmacSha256OfTheValueUnderTheDerivedKey() throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(new SecretKeys(NEW_KEY, List.of()).derive("gatehouse.signer:purpose", 32),
				"HmacSHA256"));
		String expected = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(mac.doFinal("user:42".getBytes(StandardCharsets.UTF_8)));

		assertThat(SIGNED).isEqualTo("user:42." + expected);
		assertThat(SIGNER.sign("user:42")).as("signing leaves no state behind").isEqualTo(SIGNED);
	}

	@Test
	void manyThreadsSignAndVerifyAtOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Boolean>> results = IntStream.range(0, 2_000).mapToObj(i -> pool.submit(() -> {
				String value = "value-" + (i % 50);
				String signed = SIGNER.sign(value);
				return signed.equals(SIGNER.sign(value)) && SIGNER.unsign(signed).orElseThrow().equals(value)
						&& SIGNER.unsign("x" + signed).isEmpty();
			})).toList();
			for (Future<Boolean> result : results) {
				assertThat(result.get()).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void valuesContainingTheSeparatorRoundTrip() {
		assertThat(SIGNER.unsign(SIGNER.sign("a.b.c"))).contains("a.b.c");
		assertThat(SIGNER.unsign(SIGNER.sign(""))).contains("");
	}

	@Test
	void signatureOfAnOldKeyStillVerifiesAfterRotation() {
		String signedBefore = new Signer(new SecretKeys(OLD_KEY, List.of()), "purpose").sign("user:42");
		Signer afterRotation = new Signer(new SecretKeys(NEW_KEY, List.of(OLD_KEY)), "purpose");

		assertThat(afterRotation.unsign(signedBefore)).contains("user:42");
		assertThat(afterRotation.sign("user:42")).isEqualTo(SIGNED);
	}

	@Test
	void signatureOfARetiredKeyIsRejected() {
		String signedBefore = new Signer(new SecretKeys(OLD_KEY, List.of()), "purpose").sign("user:42");

		assertThat(SIGNER.unsign(signedBefore)).isEmpty();
	}

	@Test
	void signatureForAnotherPurposeIsRejected() {
		String otherPurpose = new Signer(new SecretKeys(NEW_KEY, List.of()), "other").sign("user:42");

		assertThat(SIGNER.unsign(otherPurpose)).isEmpty();
	}

	@ParameterizedTest
	@MethodSource("hostile")
	void rejects(String signed) {
		assertThat(SIGNER.unsign(signed)).isEmpty();
	}

	static Stream<String> hostile() {
		String mac = SIGNED.substring(SIGNED.lastIndexOf('.') + 1);
		return Stream.of(
				null, "", ".", "user:42", "user:42.",
				"user:43." + mac,                                   // tampered value
				"user:42." + mac.substring(0, mac.length() - 1),    // truncated signature
				"user:42." + mac.substring(0, 10),
				"user:42." + mac + "A",                              // extended signature
				"user:42." + flipLastCharacter(mac),                 // forged signature
				"user:42.!!not-base64!!",
				"user:42." + "A".repeat(43),
				SIGNED + ".",
				"x" + SIGNED);
	}

	private static String flipLastCharacter(String text) {
		char last = text.charAt(text.length() - 1);
		return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
	}
}
