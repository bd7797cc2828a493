package org.gatehouse.passwords;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/** MySQL's {@code AES_ENCRYPT(data, key)} in its default mode: AES-128-ECB, PKCS#7 padding, XOR-folded key. */
final class MysqlAesEncrypt {

    private MysqlAesEncrypt() {
    }

    static byte[] encrypt(byte[] data, byte[] key) {
        byte[] folded = new byte[16];
        for (int i = 0; i < key.length; i++) {
            folded[i % 16] ^= key[i];
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(folded, "AES"));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-ECB is mandatory in every JDK", e);
        }
    }
}
