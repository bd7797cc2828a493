package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Test vectors from Drepper's specification (salts there are truncated to 16 characters). */
class Sha512CryptTest {

    private final Sha512CryptScheme scheme = new Sha512CryptScheme(1000);

    @Test
    void specVectorWithRounds() {
        assertThat(scheme.verify(utf8("Hello world!"), "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0"
                + "sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.")).isTrue();
    }

    @Test
    void specVectorWithExplicitDefaultRounds() {
        assertThat(scheme.verify(utf8("This is just a test"), "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGo"
                + "NeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0")).isTrue();
    }

    @Test
    void implicitRoundsFormIsWrittenForFiveThousandRounds() {
        String hash = new Sha512CryptScheme(5000).hash(utf8("pw"));
        assertThat(hash).matches("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
        assertThat(new Sha512CryptScheme(5000).verify(utf8("pw"), hash)).isTrue();
        assertThat(new Sha512CryptScheme(5001).needsUpgrade(hash)).isTrue();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
