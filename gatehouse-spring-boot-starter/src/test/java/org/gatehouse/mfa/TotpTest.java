package org.gatehouse.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

	private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] SHA512_SEED = ("12345678901234567890123456789012345678901234567890123456789012"
			+ "34").getBytes(StandardCharsets.US_ASCII);

	/** RFC 6238, appendix B. */
	@ParameterizedTest
	@CsvSource({ "59, 94287082, 46119246, 90693936", "1111111109, 07081804, 68084774, 25091201",
			"1111111111, 14050471, 67062674, 99943326", "1234567890, 89005924, 91819424, 93441116",
			"2000000000, 69279037, 90698825, 38618901", "20000000000, 65353130, 77737706, 47863826" })
	void matchesTheRfc6238TestVectors(long time, String sha1, String sha256, String sha512) {
		Instant at = Instant.ofEpochSecond(time);
		Totp one = new Totp("SHA1", 8, 30, 1);
		assertThat(one.code(SHA1_SEED, one.step(at))).isEqualTo(sha1);
		Totp two = new Totp("SHA256", 8, 30, 1);
		assertThat(two.code(SHA256_SEED, two.step(at))).isEqualTo(sha256);
		Totp five = new Totp("SHA512", 8, 30, 1);
		assertThat(five.code(SHA512_SEED, five.step(at))).isEqualTo(sha512);
	}

	@Test
	void acceptsOneStepOfDriftEachWayAndNoMore() {
		Totp totp = new Totp("SHA1", 6, 30, 1);
		Instant now = Instant.ofEpochSecond(1_700_000_000L);
		long step = totp.step(now);
		assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 1), now)).hasValue(step - 1);
		assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step + 1), now)).hasValue(step + 1);
		assertThat(totp.matchingStep(SHA1_SEED, totp.code(SHA1_SEED, step - 2), now)).isEmpty();
		assertThat(totp.matchingStep(SHA1_SEED, "", now)).isEmpty();
		assertThat(totp.matchingStep(SHA1_SEED, null, now)).isEmpty();
	}

	/** The Debian oathtool package computes the same code from the same base32 secret. */
	@Test
	void agreesWithOathtool() throws Exception {
		byte[] secret = new byte[20];
		new SecureRandom().nextBytes(secret);
		String base32 = Base32.encode(secret);
		assertThat(Base32.decode(base32)).isEqualTo(secret);
		for (String[] options : new String[][] { { "--totp" }, { "--totp=sha256", "--digits=8" },
				{ "--totp=sha512", "--time-step-size=60s" } }) {
			long now = 1_800_000_000L;
			String algorithm = options[0].contains("=") ? options[0].substring(options[0].indexOf('=') + 1) : "sha1";
			int digits = options.length > 1 && options[1].startsWith("--digits") ? 8 : 6;
			int period = options.length > 1 && options[1].startsWith("--time-step") ? 60 : 30;
			Totp totp = new Totp(algorithm, digits, period, 1);
			String expected = oathtool(base32, now, options);
			assertThat(totp.code(secret, totp.step(Instant.ofEpochSecond(now)))).isEqualTo(expected);
		}
	}

	private static String oathtool(String base32, long epochSeconds, String... options) throws Exception {
		java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("oathtool", "-b"));
		command.addAll(java.util.List.of(options));
		command.add("--now=@" + epochSeconds);
		command.add(base32);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}
}
