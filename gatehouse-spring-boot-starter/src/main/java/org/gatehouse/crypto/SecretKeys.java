package org.gatehouse.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import org.gatehouse.config.GatehouseProperties;

/**
 * The application secret (Django's SECRET_KEY) and its fallbacks, and HKDF derivation of
 * one independent key per purpose so a signature made for one feature never verifies in another.
 * Without a configured key, development mode generates one into {@code <data-directory>/secret-key}.
 */
@Component
public class SecretKeys {

	static final String GENERATED_KEY_FILE = "secret-key";
	private static final int GENERATED_KEY_BYTES = 32;
	private static final byte[] HKDF_SALT = "gatehouse.secret-keys.v1".getBytes(StandardCharsets.US_ASCII);
	private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

	private final byte[] current;
	private final List<byte[]> fallbacks;

	@Autowired
	public SecretKeys(GatehouseProperties properties) {
		this(resolveCurrent(properties), properties.getSecretKeyFallbacks());
	}

	SecretKeys(String current, List<String> fallbacks) {
		this.current = current.getBytes(StandardCharsets.UTF_8);
		this.fallbacks = fallbacks.stream()
				.filter(key -> key != null && !key.isBlank())
				.map(key -> key.getBytes(StandardCharsets.UTF_8))
				.toList();
	}

	/** A key for {@code purpose} derived from the current secret; use it to sign or encrypt. */
	public byte[] derive(String purpose, int length) {
		return Hkdf.derive(current, HKDF_SALT, purpose.getBytes(StandardCharsets.UTF_8), length);
	}

	/** Keys for {@code purpose} derived from the current secret first, then from each fallback; use them to verify or decrypt. */
	public List<byte[]> deriveAll(String purpose, int length) {
		List<byte[]> keys = new ArrayList<>(1 + fallbacks.size());
		keys.add(derive(purpose, length));
		for (byte[] fallback : fallbacks) {
			keys.add(Hkdf.derive(fallback, HKDF_SALT, purpose.getBytes(StandardCharsets.UTF_8), length));
		}
		return keys;
	}

	public static Path generatedKeyFile(GatehouseProperties properties) {
		return properties.getDataDirectory().resolve(GENERATED_KEY_FILE);
	}

	private static String resolveCurrent(GatehouseProperties properties) {
		String configured = properties.getSecretKey();
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		if (properties.isProduction()) {
			throw new IllegalStateException("gatehouse.secret-key (GATEHOUSE_SECRET_KEY) is missing");
		}
		return developmentKey(generatedKeyFile(properties));
	}

	private static String developmentKey(Path file) {
		try {
			if (!Files.exists(file)) {
				writeNewKey(file);
				log.warn("No gatehouse.secret-key configured: generated a development key into {}. "
						+ "Never use it in production.", file.toAbsolutePath());
			}
			else {
				log.warn("No gatehouse.secret-key configured: using the development key from {}. "
						+ "Never use it in production.", file.toAbsolutePath());
			}
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the development secret key " + file, ex);
		}
	}

	private static void writeNewKey(Path file) throws IOException {
		byte[] random = new byte[GENERATED_KEY_BYTES];
		new SecureRandom().nextBytes(random);
		String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		try {
			if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException raceLost) {
			return; // another instance created it first; use its key
		}
		Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
	}
}
