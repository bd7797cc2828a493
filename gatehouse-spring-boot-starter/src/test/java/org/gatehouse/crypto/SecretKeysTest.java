package org.gatehouse.crypto;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gatehouse.config.GatehouseProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretKeysTest {

	@TempDir
	Path dataDirectory;

	@Test
	void usesTheConfiguredKey() {
		GatehouseProperties properties = properties("configured-key-configured-key-configured-key");

		assertThat(new SecretKeys(properties).derive("p", 32))
				.isEqualTo(new SecretKeys("configured-key-configured-key-configured-key", List.of()).derive("p", 32));
		assertThat(dataDirectory.resolve("secret-key")).doesNotExist();
	}

	@Test
	void developmentGeneratesAKeyFileReadableOnlyByTheOwnerAndRereadsIt() throws Exception {
		Path nested = dataDirectory.resolve("not/yet/there");
		GatehouseProperties properties = properties(null);
		properties.setDataDirectory(nested);

		byte[] first = new SecretKeys(properties).derive("p", 32);
		Path keyFile = nested.resolve("secret-key");

		assertThat(keyFile).exists();
		assertThat(Base64.getUrlDecoder().decode(Files.readString(keyFile).strip())).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(new SecretKeys(properties).derive("p", 32)).isEqualTo(first);
	}

	@Test
	void productionWithoutAKeyFails() {
		GatehouseProperties properties = properties(null);
		properties.setMode(GatehouseProperties.Mode.PRODUCTION);

		assertThatIllegalStateException().isThrownBy(() -> new SecretKeys(properties));
		assertThat(dataDirectory.resolve("secret-key")).doesNotExist();
	}

	@Test
	void derivesIndependentKeysPerPurposeAndLength() {
		SecretKeys keys = new SecretKeys("k".repeat(40), List.of());

		assertThat(keys.derive("a", 32)).isNotEqualTo(keys.derive("b", 32)).hasSize(32);
		assertThat(keys.derive("a", 16)).hasSize(16);
		assertThat(keys.derive("a", 32)).isEqualTo(keys.derive("a", 32));
	}

	@Test
	void deriveAllListsTheCurrentKeyFirstThenFallbacks() {
		SecretKeys rotated = new SecretKeys("new".repeat(12), List.of("old".repeat(12)));
		SecretKeys old = new SecretKeys("old".repeat(12), List.of());

		List<byte[]> all = rotated.deriveAll("p", 32);

		assertThat(all).hasSize(2);
		assertThat(all.get(0)).isEqualTo(rotated.derive("p", 32));
		assertThat(all.get(1)).isEqualTo(old.derive("p", 32));
	}

	private GatehouseProperties properties(String secretKey) {
		GatehouseProperties properties = new GatehouseProperties();
		properties.setSecretKey(secretKey);
		properties.setDataDirectory(dataDirectory);
		return properties;
	}
}
