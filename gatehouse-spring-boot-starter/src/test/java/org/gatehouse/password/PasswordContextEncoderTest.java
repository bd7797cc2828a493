package org.gatehouse.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.gatehouse.passwords.PasswordContext;
import org.gatehouse.passwords.PasswordPolicy;
import org.junit.jupiter.api.Test;

/**
 * A host application that sets passwords through the PasswordEncoder bean must produce hashes that
 * login accepts: login verifies current hashes in NFKC form only.
 */
class PasswordContextEncoderTest {

	private static final String LIGATURE_PASSWORD = "\uFB01ne-meadow-violin-quartz"; // "ﬁ": NFKC turns it into "fi"

	private final PasswordContext context = PasswordContext.builder().defaultScheme("pbkdf2_sha512")
		.rounds(Map.of("pbkdf2_sha512", 1000)).build();
	private final PasswordContextEncoder encoder = new PasswordContextEncoder(context);
	private final PasswordService passwords = new PasswordService(context, new PasswordPolicy(12, 4096),
			new PasswordsProperties());

	@Test
	void aPasswordSetThroughTheEncoderLogsIn() {
		String hash = encoder.encode(LIGATURE_PASSWORD);
		assertThat(passwords.check(LIGATURE_PASSWORD, hash).matches()).isTrue();
		assertThat(encoder.matches(LIGATURE_PASSWORD, hash)).isTrue();
		assertThat(encoder.matches("fine-meadow-violin-quartz", hash)).as("the NFKC form is the same password").isTrue();
		assertThat(encoder.matches("wrong-meadow-violin-quartz", hash)).isFalse();
	}

	@Test
	void aHashOfTheTypedFormStillMatches() {
		assertThat(encoder.matches(LIGATURE_PASSWORD, context.hash(LIGATURE_PASSWORD))).isTrue();
	}
}
