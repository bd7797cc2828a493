package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemeRoundTripTest {

    static Stream<Arguments> schemes() {
        return Stream.of(
                Arguments.of(Pbkdf2Scheme.sha512(1000), Pbkdf2Scheme.sha512(1001),
                        "\\$pbkdf2-sha512\\$1000\\$[./A-Za-z0-9]{22}\\$[./A-Za-z0-9]{86}"),
                Arguments.of(Pbkdf2Scheme.sha256(1000), Pbkdf2Scheme.sha256(1001),
                        "\\$pbkdf2-sha256\\$1000\\$[./A-Za-z0-9]{22}\\$[./A-Za-z0-9]{43}"),
                Arguments.of(Pbkdf2Scheme.sha1(1000), Pbkdf2Scheme.sha1(1001),
                        "\\$pbkdf2\\$1000\\$[./A-Za-z0-9]{22}\\$[./A-Za-z0-9]{27}"),
                Arguments.of(new BcryptScheme(4), new BcryptScheme(5),
                        "\\$2b\\$04\\$[./A-Za-z0-9]{53}"),
                Arguments.of(new Argon2Scheme(64, 1, 1), new Argon2Scheme(128, 1, 1),
                        "\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                Arguments.of(new Sha512CryptScheme(1000), new Sha512CryptScheme(1001),
                        "\\$6\\$rounds=1000\\$[./A-Za-z0-9]{16}\\$[./A-Za-z0-9]{86}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemes")
    void hashThenVerify(PasswordScheme scheme, PasswordScheme stronger, String format) {
        byte[] password = "pässwörd € 🔐 密码".getBytes(StandardCharsets.UTF_8);
        String hash = scheme.hash(password);

        assertThat(hash).matches(format);
        assertThat(scheme.identifies(hash)).isTrue();
        assertThat(scheme.verify(password, hash)).isTrue();
        assertThat(scheme.verify("pässwörd € 🔐 密".getBytes(StandardCharsets.UTF_8), hash)).isFalse();
        assertThat(scheme.hash(password)).as("fresh salt every time").isNotEqualTo(hash);
        assertThat(scheme.needsUpgrade(hash)).isFalse();
        assertThat(stronger.needsUpgrade(hash)).isTrue();
        assertThat(stronger.verify(password, hash)).as("stored cost, not configured cost, is used").isTrue();
    }
}
