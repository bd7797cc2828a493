package org.gatehouse.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a string's UTF-8 bytes, in hex: how Gatehouse stores random secrets it must recognise but never show
 * again (token values, session ids, link tokens, recovery codes).
 */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}
}
