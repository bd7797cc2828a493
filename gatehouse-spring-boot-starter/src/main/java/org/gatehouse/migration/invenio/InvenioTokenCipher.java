package org.gatehouse.migration.invenio;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts values of sqlalchemy-utils' {@code StringEncryptedType} with its default {@code AesEngine}, as
 * invenio-oauth2server stores access tokens: key = SHA-256(SECRET_KEY as UTF-8), AES-256-CBC with the first
 * 16 key bytes as IV, padded with '*' up to the block (stripped from the end), base64 (sqlalchemy_utils/types/
 * encrypted/encrypted_type.py and padding.py, NaivePadding).
 */
final class InvenioTokenCipher {

	private final SecretKeySpec key;
	private final IvParameterSpec iv;

	InvenioTokenCipher(String secretKey) {
		byte[] digest;
		try {
			digest = MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		this.key = new SecretKeySpec(digest, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(digest, 16));
	}

	/** The clear value, or null when the value does not decrypt to text with this key. */
	String decrypt(String stored) {
		try {
			byte[] encrypted = Base64.getDecoder().decode(stored.strip());
			if (encrypted.length == 0 || encrypted.length % 16 != 0) {
				return null;
			}
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, iv);
			byte[] padded = cipher.doFinal(encrypted);
			int end = padded.length;
			while (end > 0 && padded[end - 1] == '*') {
				end--;
			}
			String value = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(padded, 0, end)).toString();
			// a wrong key gives random bytes: tokens are printable ASCII
			return end < padded.length && value.chars().allMatch(c -> c > 32 && c < 127) ? value : null;
		}
		catch (IllegalArgumentException | GeneralSecurityException | java.nio.charset.CharacterCodingException ex) {
			return null;
		}
	}
}
