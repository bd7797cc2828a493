package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Invenio's legacy {@code invenio_aes_encrypted_email}, verify-only: {@code $invenio-aes$EMAIL$HEX} with
 * HEX = sha256(MySQL AES_ENCRYPT(email, password)). Every match needs an upgrade since we cannot write it.
 */
public final class InvenioAesScheme implements PasswordScheme {

    private static final String PREFIX = "$invenio-aes$";

    @Override
    public String name() {
        return "invenio_aes_encrypted_email";
    }

    @Override
    public boolean identifies(String hash) {
        return hash.startsWith(PREFIX);
    }

    @Override
    public String hash(byte[] password) {
        throw new UnsupportedOperationException("invenio_aes_encrypted_email is verify-only");
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        if (!identifies(hash)) {
            throw new MalformedHashException("not an invenio_aes_encrypted_email hash");
        }
        int split = hash.lastIndexOf('$');
        String email = hash.substring(PREFIX.length(), Math.max(split, PREFIX.length()));
        String hex = hash.substring(split + 1);
        if (email.isEmpty() || hex.length() != 64 || !hex.equals(hex.toLowerCase(java.util.Locale.ROOT))) {
            throw new MalformedHashException("invenio_aes_encrypted_email needs an email and 64 lowercase hex digits");
        }
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new MalformedHashException("invalid hex in invenio_aes_encrypted_email hash");
        }
        byte[] ciphertext = MysqlAesEncrypt.encrypt(email.getBytes(StandardCharsets.UTF_8), password);
        return MessageDigest.isEqual(sha256(ciphertext), expected);
    }

    @Override
    public boolean needsUpgrade(String hash) {
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JDK", e);
        }
    }
}
