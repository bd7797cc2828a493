package org.gatehouse.mfa;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (RFC 4226's HOTP over the time step). Which step a code matched is
 * returned, so that the caller can refuse it a second time.
 */
public final class Totp {

	private static final int[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000 };

	private final String macAlgorithm;
	private final int digits;
	private final long periodSeconds;
	private final int window;

	public Totp(String algorithm, int digits, long periodSeconds, int window) {
		this.macAlgorithm = switch (algorithm.toUpperCase().replace("-", "")) {
			case "SHA1", "HMACSHA1" -> "HmacSHA1";
			case "SHA256", "HMACSHA256" -> "HmacSHA256";
			case "SHA512", "HMACSHA512" -> "HmacSHA512";
			default -> throw new IllegalArgumentException("gatehouse.mfa.totp.algorithm must be SHA1, SHA256 or SHA512");
		};
		if (digits < 6 || digits > 8) {
			throw new IllegalArgumentException("gatehouse.mfa.totp.digits must be 6, 7 or 8");
		}
		if (periodSeconds < 1 || window < 0) {
			throw new IllegalArgumentException("gatehouse.mfa.totp.period must be positive and window not negative");
		}
		this.digits = digits;
		this.periodSeconds = periodSeconds;
		this.window = window;
	}

	static Totp of(MfaProperties.Totp settings) {
		return new Totp(settings.getAlgorithm(), settings.getDigits(), settings.getPeriod().toSeconds(),
				settings.getWindow());
	}

	/** The name in otpauth URIs: SHA1, SHA256, SHA512. */
	public String algorithmName() {
		return macAlgorithm.substring(4);
	}

	public int digits() {
		return digits;
	}

	public long periodSeconds() {
		return periodSeconds;
	}

	public long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), periodSeconds);
	}

	/** The code of one time step, zero-padded. */
	public String code(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance(macAlgorithm);
			mac.init(new SecretKeySpec(secret, macAlgorithm));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%0" + digits + "d", binary % POWERS[digits]);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(macAlgorithm + " is not available", ex);
		}
	}

	/** The step, within the window around now, whose code this is; empty when none. Every step is compared. */
	public OptionalLong matchingStep(byte[] secret, String code, Instant now) {
		String typed = code == null ? "" : code.replace(" ", "").strip();
		long current = step(now);
		OptionalLong matched = OptionalLong.empty();
		for (long step = current - window; step <= current + window; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(), typed.getBytes()) && matched.isEmpty()) {
				matched = OptionalLong.of(step);
			}
		}
		return matched;
	}
}
