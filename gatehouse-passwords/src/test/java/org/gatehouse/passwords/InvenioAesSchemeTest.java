package org.gatehouse.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class InvenioAesSchemeTest {

    @Test
    void mysqlAesEncryptMatchesMysql() {
        byte[] ciphertext = MysqlAesEncrypt.encrypt(utf8("test"), utf8("key"));
        assertThat(HexFormat.of().formatHex(ciphertext)).isEqualTo("9e9ce44cd9df2b201f51947e03bccbe2");
    }

    @Test
    void keyLongerThan16BytesIsXorFolded() {
        byte[] folded = new byte[16];
        byte[] key = utf8("a key longer than sixteen bytes");
        for (int i = 0; i < key.length; i++) {
            folded[i % 16] ^= key[i];
        }
        assertThat(MysqlAesEncrypt.encrypt(utf8("x"), key)).isEqualTo(MysqlAesEncrypt.encrypt(utf8("x"), folded));
    }

    @Test
    void isVerifyOnlyAndAlwaysNeedsUpgrade() {
        InvenioAesScheme scheme = new InvenioAesScheme();
        assertThatThrownBy(() -> scheme.hash(utf8("pw"))).isInstanceOf(UnsupportedOperationException.class);
        assertThat(scheme.needsUpgrade("$invenio-aes$a@b.c$00")).isTrue();
    }

    @Test
    void refusesMalformedHashes() {
        InvenioAesScheme scheme = new InvenioAesScheme();
        String hex = "ab".repeat(32);
        assertThatThrownBy(() -> scheme.verify(utf8("pw"), "$invenio-aes$" + hex))
                .isInstanceOf(MalformedHashException.class);
        assertThatThrownBy(() -> scheme.verify(utf8("pw"), "$invenio-aes$a@b.c$" + hex.toUpperCase()))
                .isInstanceOf(MalformedHashException.class);
        assertThatThrownBy(() -> scheme.verify(utf8("pw"), "$invenio-aes$a@b.c$" + "zz".repeat(32)))
                .isInstanceOf(MalformedHashException.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
