package org.gatehouse.passwordless;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.gatehouse.crypto.SecretKeys;
import org.gatehouse.crypto.Sha256;

/**
 * The random parts of a sign-in link and what the database keeps of them. The link's token and the browser's nonce
 * are 256 random bits each, so their SHA-256 is enough; the six-digit code is keyed (HMAC with a key derived from the
 * secret key), since a plain hash of one in a million values is undone by trying them all.
 */
class LoginLinkSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] codeKey;

	LoginLinkSecrets(SecretKeys secretKeys) {
		this.codeKey = secretKeys.derive("login-link-code", 32);
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String newCode() {
		return String.format("%06d", RANDOM.nextInt(1_000_000));
	}

	static boolean wellFormedToken(String value) {
		return value != null && value.length() == 43 && value.chars().allMatch(LoginLinkSecrets::isBase64Url);
	}

	private static boolean isBase64Url(int c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
	}

	static boolean wellFormedCode(String value) {
		return value != null && value.length() == 6 && value.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	static String sha256(String value) {
		return Sha256.hex(value);
	}

	String codeHash(String code) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(codeKey, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static boolean sameHash(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
	}
}
