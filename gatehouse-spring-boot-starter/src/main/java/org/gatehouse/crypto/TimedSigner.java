package org.gatehouse.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Signatures that expire, for confirmation and password-reset links:
 * {@code value + "." + expiryEpochSeconds + "." + mac}. Uses its own purpose namespace,
 * so a plain {@link Signer} signature never verifies here and vice versa.
 */
public class TimedSigner {

	private final Signer signer;
	private final Clock clock;

	public TimedSigner(SecretKeys secretKeys, String purpose, Clock clock) {
		this.signer = new Signer(secretKeys, "timed:" + purpose);
		this.clock = clock;
	}

	public String sign(String value, Instant expiresAt) {
		return signer.sign(value + Signer.SEPARATOR + expiresAt.getEpochSecond());
	}

	/** The original value if the signature is valid and {@code expiresAt} has not passed, else empty. */
	public Optional<String> unsign(String signed) {
		return signer.unsign(signed).flatMap(this::unexpiredValue);
	}

	private Optional<String> unexpiredValue(String payload) {
		int separator = payload.lastIndexOf(Signer.SEPARATOR);
		if (separator < 0) {
			return Optional.empty();
		}
		long expiresAt;
		try {
			expiresAt = Long.parseLong(payload.substring(separator + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (clock.instant().getEpochSecond() >= expiresAt) {
			return Optional.empty();
		}
		return Optional.of(payload.substring(0, separator));
	}
}
