package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of passlib-vectors.tsv, produced by the real passlib 1.7.4 (see vectors/README.md). */
class PasslibVectorsTest {

    record Vector(String scheme, String password, String hash, Verification expected, String hmacSalt, String note) {
        @Override
        public String toString() {
            return scheme + ": " + note;
        }
    }

    private static final Map<String, PasswordContext> CONTEXTS = new HashMap<>();

    static Stream<Vector> vectors() throws IOException {
        List<Vector> vectors = new ArrayList<>();
        try (InputStream in = PasslibVectorsTest.class.getResourceAsStream("/vectors/passlib-vectors.tsv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] f = line.split("\t", -1);
                String password = new String(HexFormat.of().parseHex(f[1]), StandardCharsets.UTF_8);
                vectors.add(new Vector(f[0], password, f[2], Verification.valueOf(f[3]),
                        f[4].equals("-") ? null : f[4], f[5]));
            }
        }
        return vectors.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifiesLikePasslib(Vector v) {
        PasswordContext context = CONTEXTS.computeIfAbsent(String.valueOf(v.hmacSalt()),
                salt -> PasswordContext.builder().legacyHmacSalt(v.hmacSalt()).build());
        assertThat(context.verify(v.password(), v.hash())).isEqualTo(v.expected());
    }

    @Test
    void coversEverySchemeAndOutcome() throws IOException {
        List<Vector> all = vectors().toList();
        assertThat(all).extracting(Vector::scheme).contains("pbkdf2_sha512", "pbkdf2_sha256", "pbkdf2_sha1",
                "bcrypt", "argon2", "sha512_crypt", "invenio_aes_encrypted_email");
        assertThat(all).extracting(Vector::expected).contains(Verification.values());
        assertThat(all).anyMatch(v -> v.password().length() == 1000);
    }
}
