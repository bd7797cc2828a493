package org.gatehouse.http;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SriTest {

	private final Sri sri = new Sri(new DefaultResourceLoader());

	@Test
	void sha384OfTheStaticResource() throws Exception {
		byte[] content;
		try (InputStream input = getClass().getResourceAsStream("/static/gatehouse/sri-test.css")) {
			content = input.readAllBytes();
		}
		String expected = "sha384-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(content));

		assertThat(sri.integrity("/gatehouse/sri-test.css")).isEqualTo(expected).hasSize(7 + 64);
		assertThat(sri.integrity("/gatehouse/sri-test.css")).isSameAs(sri.integrity("/gatehouse/sri-test.css"));
	}

	@Test
	void refusesMissingAndTraversingPaths() {
		assertThatIllegalArgumentException().isThrownBy(() -> sri.integrity("/gatehouse/missing.css"));
		assertThatIllegalArgumentException().isThrownBy(() -> sri.integrity("/../application.properties"));
		assertThatIllegalArgumentException().isThrownBy(() -> sri.integrity("gatehouse/sri-test.css"));
	}
}
