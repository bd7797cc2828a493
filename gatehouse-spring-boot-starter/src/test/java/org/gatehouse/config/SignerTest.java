package org.gatehouse.config;

import java.util.List;
import java.util.stream.Stream;

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
