package org.gatehouse.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HKDF-SHA256 (RFC 5869): turns one secret into independent keys, one per purpose. */
final class Hkdf {

	private static final String HMAC_SHA256 = "HmacSHA256";
	private static final int HASH_LENGTH = 32;

	private Hkdf() {
	}

	static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
		if (length <= 0 || length > 255 * HASH_LENGTH) {
			throw new IllegalArgumentException("HKDF output length must be between 1 and " + 255 * HASH_LENGTH);
		}
		try {
			byte[] pseudoRandomKey = hmac(salt.length == 0 ? new byte[HASH_LENGTH] : salt, inputKeyMaterial);
			Mac expand = Mac.getInstance(HMAC_SHA256);
			expand.init(new SecretKeySpec(pseudoRandomKey, HMAC_SHA256));
			byte[] output = new byte[length];
			byte[] block = new byte[0];
			int written = 0;
			for (int counter = 1; written < length; counter++) {
				expand.update(block);
				expand.update(info);
				expand.update((byte) counter);
				block = expand.doFinal();
				int chunk = Math.min(block.length, length - written);
				System.arraycopy(block, 0, output, written, chunk);
				written += chunk;
			}
			Arrays.fill(pseudoRandomKey, (byte) 0);
			return output;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance(HMAC_SHA256);
		mac.init(new SecretKeySpec(key, HMAC_SHA256));
		return mac.doFinal(data);
	}
}
