package org.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The {@code gatehouse.*} tree is bound by one properties class per feature; the metadata the IDE and the docs read
 * must still list every key users have (gatehouse-configuration-keys.txt, the key set before the split), each with
 * its description.
 */
class ConfigurationMetadataTest {

	@Test
	void everyKeyIsListedWithItsDescription() throws IOException {
		JsonNode metadata = new ObjectMapper()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		Map<String, String> descriptions = new HashMap<>();
		metadata.get("properties").forEach(p -> descriptions.put(p.get("name").asString(),
				p.has("description") ? p.get("description").asString() : ""));
		List<String> keys = Files.readAllLines(Path.of("src/test/resources/gatehouse-configuration-keys.txt"))
			.stream().filter(k -> !k.isBlank()).toList();

		assertThat(descriptions).containsKeys(keys.toArray(String[]::new));
		assertThat(keys).allSatisfy(k -> assertThat(descriptions.get(k)).as(k).isNotBlank());
	}
}
