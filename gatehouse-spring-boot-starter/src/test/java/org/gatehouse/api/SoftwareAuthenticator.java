package org.gatehouse.api;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A WebAuthn authenticator in plain Java for tests over HTTP: one ES256 credential with "none"
 * attestation and a signature counter, made and used as a browser would (clientDataJSON with the
 * challenge and origin, authenticator data with the rp id hash, UP and UV flags). The counter can be
 * set, so a test can play a cloned key.
 */
final class SoftwareAuthenticator {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final String origin;
	private final KeyPair keys;
	private final byte[] credentialId = new byte[16];
	private byte[] userHandle = new byte[16];
	private int counter;

	SoftwareAuthenticator(String origin) {
		this.origin = origin;
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		new java.security.SecureRandom().nextBytes(credentialId);
	}

	String credentialId() {
		return B64.encodeToString(credentialId);
	}

	void counter(int value) {
		counter = value;
	}

	/** navigator.credentials.create for these options (JSON text), as the JSON the page posts. */
	Map<String, Object> create(String optionsJson) {
		JsonNode options = JSON.readTree(optionsJson);
		userHandle = Base64.getUrlDecoder().decode(options.path("user").path("id").asString());
		byte[] clientData = clientData("webauthn.create", options.path("challenge").asString());
		ByteArrayOutputStream authData = authenticatorData(options.path("rp").path("id").asString(), 0x45);
		authData.writeBytes(new byte[16]); // AAGUID
		authData.write(0);
		authData.write(credentialId.length);
		authData.writeBytes(credentialId);
		authData.writeBytes(coseKey());
		Map<String, Object> attestation = new LinkedHashMap<>();
		attestation.put("fmt", "none");
		attestation.put("attStmt", Map.of());
		attestation.put("authData", authData.toByteArray());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("attestationObject", B64.encodeToString(cbor(attestation)));
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("transports", java.util.List.of("internal"));
		return credential(response);
	}

	/** navigator.credentials.get for these options; the counter goes up by one first. */
	Map<String, Object> get(String optionsJson) {
		JsonNode options = JSON.readTree(optionsJson);
		counter++;
		byte[] clientData = clientData("webauthn.get", options.path("challenge").asString());
		byte[] authData = authenticatorData(options.path("rpId").asString(), 0x05).toByteArray();
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("authenticatorData", B64.encodeToString(authData));
		response.put("clientDataJSON", B64.encodeToString(clientData));
		response.put("signature", B64.encodeToString(sign(authData, clientData)));
		response.put("userHandle", B64.encodeToString(userHandle));
		return credential(response);
	}

	private Map<String, Object> credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", credentialId());
		credential.put("rawId", credentialId());
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		return credential;
	}

	private byte[] clientData(String type, String challenge) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("type", type);
		data.put("challenge", challenge);
		data.put("origin", origin);
		data.put("crossOrigin", false);
		return JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
	}

	private ByteArrayOutputStream authenticatorData(String rpId, int flags) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
		out.write(flags);
		out.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
		return out;
	}

	private byte[] sign(byte[] authData, byte[] clientData) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(keys.getPrivate());
			signature.update(authData);
			signature.update(sha256(clientData));
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) keys.getPublic();
		Map<Object, Object> cose = new LinkedHashMap<>();
		cose.put(1, 2); // kty: EC2
		cose.put(3, -7); // alg: ES256
		cose.put(-1, 1); // crv: P-256
		cose.put(-2, unsigned32(key.getW().getAffineX()));
		cose.put(-3, unsigned32(key.getW().getAffineY()));
		return cbor(cose);
	}

	private static byte[] unsigned32(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] out = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
		return out;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The CBOR this needs: maps, integers, byte and text strings. */
	private static byte[] cbor(Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, value);
		return out.toByteArray();
	}

	private static void write(ByteArrayOutputStream out, Object value) {
		if (value instanceof Integer number) {
			head(out, number >= 0 ? 0 : 1, number >= 0 ? number : -1 - number);
		}
		else if (value instanceof byte[] bytes) {
			head(out, 2, bytes.length);
			out.writeBytes(bytes);
		}
		else if (value instanceof String text) {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			head(out, 3, bytes.length);
			out.writeBytes(bytes);
		}
		else if (value instanceof Map<?, ?> map) {
			head(out, 5, map.size());
			map.forEach((key, entry) -> {
				write(out, key);
				write(out, entry);
			});
		}
		else {
			throw new IllegalArgumentException("No CBOR for " + value);
		}
	}

	private static void head(ByteArrayOutputStream out, int major, long length) {
		if (length < 24) {
			out.write(major << 5 | (int) length);
		}
		else if (length < 256) {
			out.write(major << 5 | 24);
			out.write((int) length);
		}
		else {
			out.write(major << 5 | 25);
			out.write((int) (length >> 8));
			out.write((int) length);
		}
	}
}
