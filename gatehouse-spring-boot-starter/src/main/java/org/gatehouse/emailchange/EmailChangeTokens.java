package org.gatehouse.emailchange;

import java.security.SecureRandom;
import java.util.Base64;

import org.gatehouse.crypto.Sha256;

/** The secrets of the confirmation and revert links: 32 random bytes, base64url; only their SHA-256 is stored. */
final class EmailChangeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();
	/** Longer than any token made here: a longer path segment is refused before it is hashed. */
	private static final int MAX_LENGTH = 64;

	private EmailChangeTokens() {
	}

	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The stored form of a token, or null for a value no token could have (it then matches no row). */
	static String hash(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
			return null;
		}
		return Sha256.hex(token);
	}
}
