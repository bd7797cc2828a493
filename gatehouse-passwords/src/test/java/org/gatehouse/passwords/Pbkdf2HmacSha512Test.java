package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pbkdf2HmacSha512Test {

    @Test
    void matchesPublishedVector() {
        byte[] key = Pbkdf2HmacSha512.derive(ascii("password"), ascii("salt"), 1, 64);
        assertThat(HexFormat.of().formatHex(key)).isEqualTo(
                "867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252"
                        + "c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce");
    }

    /** Password lengths around the 128-byte block (longer keys are hashed first), multi-block outputs. */
    @ParameterizedTest
    @CsvSource({"1, 1, 1, 64", "8, 16, 2, 64", "127, 16, 1000, 64", "128, 16, 1000, 64", "129, 16, 1000, 64",
        "300, 111, 3, 64", "20, 16, 7, 20", "20, 16, 7, 65", "20, 120, 5, 200", "64, 1, 4096, 64"})
    void equalsTheJdkImplementation(int passwordLength, int saltLength, int rounds, int length) throws Exception {
        Random random = new Random(passwordLength * 31L + saltLength);
        char[] password = new char[passwordLength];
        for (int i = 0; i < passwordLength; i++) {
            password[i] = (char) ('!' + random.nextInt(94));
        }
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);

        byte[] ours = Pbkdf2HmacSha512.derive(new String(password).getBytes(StandardCharsets.UTF_8), salt, rounds, length);

        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password, salt, rounds, length * 8)).getEncoded();
        assertThat(ours).isEqualTo(jdk);
    }

    @Test
    void refusesNonPositiveParameters() {
        assertThatThrownBy(() -> Pbkdf2HmacSha512.derive(ascii("pw"), ascii("salt"), 0, 64))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
