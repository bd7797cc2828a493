package org.gatehouse.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of string columns for one purpose. Output is
 * {@code keyId + ":" + base64url(iv || ciphertext || tag)}; the key id names the secret
 * it was made with, so values written before a rotation still decrypt with a fallback key.
 * The purpose is bound as associated data: a value copied into another column does not decrypt.
 */
public class FieldEncryptor {

	private static final char KEY_ID_SEPARATOR = ':';
	private static final int KEY_LENGTH = 32;
	private static final int KEY_ID_LENGTH = 6;
	private static final int IV_LENGTH = 12;
	private static final int TAG_BITS = 128;
	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] associatedData;
	private final String currentKeyId;
	private final Map<String, byte[]> keysById = new LinkedHashMap<>();
	private final SecureRandom random = new SecureRandom();

	public FieldEncryptor(SecretKeys secretKeys, String purpose) {
		this.associatedData = purpose.getBytes(StandardCharsets.UTF_8);
		List<byte[]> keys = secretKeys.deriveAll("gatehouse.field-encryptor:" + purpose, KEY_LENGTH);
		List<byte[]> keyIds = secretKeys.deriveAll("gatehouse.field-encryptor.key-id:" + purpose, KEY_ID_LENGTH);
		for (int i = 0; i < keys.size(); i++) {
			keysById.putIfAbsent(ENCODER.encodeToString(keyIds.get(i)), keys.get(i));
		}
		this.currentKeyId = ENCODER.encodeToString(keyIds.get(0));
	}

	public String encrypt(String plaintext) {
		byte[] iv = new byte[IV_LENGTH];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keysById.get(currentKeyId), iv);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] output = ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
			return currentKeyId + KEY_ID_SEPARATOR + ENCODER.encodeToString(output);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/** @throws IllegalArgumentException when the value was not made by this encryptor with a known key, or was altered */
	public String decrypt(String encrypted) {
		int separator = encrypted.indexOf(KEY_ID_SEPARATOR);
		byte[] key = separator > 0 ? keysById.get(encrypted.substring(0, separator)) : null;
		if (key == null) {
			throw new IllegalArgumentException("Encrypted field has no known key id");
		}
		byte[] input;
		try {
			input = DECODER.decode(encrypted.substring(separator + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Encrypted field is not base64url");
		}
		if (input.length < IV_LENGTH + TAG_BITS / 8) {
			throw new IllegalArgumentException("Encrypted field is truncated");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(input, IV_LENGTH));
			byte[] plaintext = cipher.doFinal(input, IV_LENGTH, input.length - IV_LENGTH);
			return new String(plaintext, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalArgumentException("Encrypted field was altered or belongs to another purpose");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(associatedData);
		return cipher;
	}
}
