package org.gatehouse.crypto;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FieldEncryptorTest {

	private static final String OLD_KEY = "old-field-key-old-field-key-old-field-key";
	private static final String NEW_KEY = "new-field-key-new-field-key-new-field-key";
	private static final FieldEncryptor ENCRYPTOR = new FieldEncryptor(new SecretKeys(NEW_KEY, List.of()), "totp");

	@Test
	void roundTripsWithAFreshIvEachTime() {
		String first = ENCRYPTOR.encrypt("JBSWY3DPEHPK3PXP");
		String second = ENCRYPTOR.encrypt("JBSWY3DPEHPK3PXP");

		assertThat(first).isNotEqualTo(second).doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(ENCRYPTOR.decrypt(first)).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(ENCRYPTOR.decrypt(ENCRYPTOR.encrypt(""))).isEmpty();
	}

	@Test
	void decryptsValuesOfAFallbackKeyAndEncryptsWithTheCurrentOne() {
		String before = new FieldEncryptor(new SecretKeys(OLD_KEY, List.of()), "totp").encrypt("s3cret");
		FieldEncryptor rotated = new FieldEncryptor(new SecretKeys(NEW_KEY, List.of(OLD_KEY)), "totp");

		assertThat(rotated.decrypt(before)).isEqualTo("s3cret");
		assertThat(keyId(rotated.encrypt("x"))).isEqualTo(keyId(ENCRYPTOR.encrypt("x"))).isNotEqualTo(keyId(before));
	}

	@Test
	void rejectsValuesOfAnUnknownKey() {
		String before = new FieldEncryptor(new SecretKeys(OLD_KEY, List.of()), "totp").encrypt("s3cret");

		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(before));
	}

	@Test
	void rejectsValuesOfAnotherPurpose() {
		String otherColumn = new FieldEncryptor(new SecretKeys(NEW_KEY, List.of()), "email").encrypt("s3cret");

		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(otherColumn));
	}

	@Test
	void rejectsTamperedTruncatedAndGarbageValues() {
		String sealed = ENCRYPTOR.encrypt("s3cret");
		int cut = sealed.indexOf(':') + 1;
		String body = sealed.substring(cut);
		String tampered = sealed.substring(0, cut) + (body.charAt(0) == 'A' ? 'B' : 'A') + body.substring(1);

		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(tampered));
		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(sealed.substring(0, sealed.length() - 2)));
		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(sealed.substring(0, cut + 10)));
		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(sealed.substring(0, cut) + "!!!"));
		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt("s3cret"));
		assertThatIllegalArgumentException().isThrownBy(() -> ENCRYPTOR.decrypt(""));
	}

	private static String keyId(String encrypted) {
		return encrypted.substring(0, encrypted.indexOf(':'));
	}
}
