package org.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures for one purpose: {@code value + "." + base64url(mac)}. Signs with
 * the current secret only and verifies against the current secret and every fallback,
 * so rotating the secret does not invalidate what was signed before.
 */
public class Signer {

	static final char SEPARATOR = '.';
	private static final String HMAC_SHA256 = "HmacSHA256";
	private static final int KEY_LENGTH = 32;
	private static final int MAC_LENGTH = 32;
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/*
	 * Keyed Macs are never used directly, only cloned: a clone starts from the keyed state, which saves the
	 * provider lookup and the key set-up of Mac.getInstance + init (about 3 % of an authenticated request's CPU,
	 * which verifies a session cookie and a CSRF cookie).
	 */
	private final Mac signingMac;
	private final List<Mac> verificationMacs;

	public Signer(SecretKeys secretKeys, String purpose) {
		String info = "gatehouse.signer:" + purpose;
		this.signingMac = keyed(secretKeys.derive(info, KEY_LENGTH));
		this.verificationMacs = secretKeys.deriveAll(info, KEY_LENGTH).stream().map(Signer::keyed).toList();
	}

	public String sign(String value) {
		return value + SEPARATOR + ENCODER.encodeToString(mac(signingMac, value));
	}

	/** The original value if {@code signed} carries a valid signature of any known key, else empty. */
	public Optional<String> unsign(String signed) {
		if (signed == null) {
			return Optional.empty();
		}
		int separator = signed.lastIndexOf(SEPARATOR);
		if (separator < 0) {
			return Optional.empty();
		}
		String value = signed.substring(0, separator);
		byte[] presented;
		try {
			presented = DECODER.decode(signed.substring(separator + 1));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
		if (presented.length != MAC_LENGTH) {
			return Optional.empty();
		}
		boolean valid = false;
		for (Mac keyed : verificationMacs) {
			// no early exit: time does not reveal which key matched
			valid |= MessageDigest.isEqual(mac(keyed, value), presented);
		}
		return valid ? Optional.of(value) : Optional.empty();
	}

	private static Mac keyed(byte[] key) {
		try {
			Mac mac = Mac.getInstance(HMAC_SHA256);
			mac.init(new SecretKeySpec(key, HMAC_SHA256));
			mac.clone();
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("the HmacSHA256 provider cannot clone a keyed Mac", ex);
		}
	}

	private static byte[] mac(Mac keyed, String value) {
		try {
			return ((Mac) keyed.clone()).doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException("checked when the key was set up", ex);
		}
	}
}
