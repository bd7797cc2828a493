package org.gatehouse.passwords;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Ulrich Drepper's SHA-crypt algorithm for SHA-512 ("Unix crypt using SHA-256 and SHA-512", 2008). */
final class Sha512Crypt {

    static final String ALPHABET = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** Byte triples of the final digest in the order the spec transposes them into the output. */
    private static final int[][] ORDER = {
        {0, 21, 42}, {22, 43, 1}, {44, 2, 23}, {3, 24, 45}, {25, 46, 4}, {47, 5, 26}, {6, 27, 48},
        {28, 49, 7}, {50, 8, 29}, {9, 30, 51}, {31, 52, 10}, {53, 11, 32}, {12, 33, 54}, {34, 55, 13},
        {56, 14, 35}, {15, 36, 57}, {37, 58, 16}, {59, 17, 38}, {18, 39, 60}, {40, 61, 19}, {62, 20, 41}
    };

    private Sha512Crypt() {
    }

    static String checksum(byte[] password, byte[] salt, int rounds) {
        MessageDigest md = sha512();
        md.update(password);
        md.update(salt);
        md.update(password);
        byte[] b = md.digest();

        md.update(password);
        md.update(salt);
        repeatTo(md, b, password.length);
        for (int n = password.length; n > 0; n >>= 1) {
            md.update((n & 1) != 0 ? b : password);
        }
        byte[] a = md.digest();

        for (int i = 0; i < password.length; i++) {
            md.update(password);
        }
        byte[] p = repeat(md.digest(), password.length);

        for (int i = 0; i < 16 + (a[0] & 0xff); i++) {
            md.update(salt);
        }
        byte[] s = repeat(md.digest(), salt.length);

        byte[] c = a;
        for (int i = 0; i < rounds; i++) {
            md.update((i & 1) != 0 ? p : c);
            if (i % 3 != 0) {
                md.update(s);
            }
            if (i % 7 != 0) {
                md.update(p);
            }
            md.update((i & 1) != 0 ? c : p);
            c = md.digest();
        }
        return encode(c);
    }

    private static void repeatTo(MessageDigest md, byte[] block, int length) {
        int n = length;
        for (; n > block.length; n -= block.length) {
            md.update(block);
        }
        md.update(block, 0, n);
    }

    private static byte[] repeat(byte[] block, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = block[i % block.length];
        }
        return out;
    }

    private static String encode(byte[] digest) {
        StringBuilder out = new StringBuilder(86);
        for (int[] triple : ORDER) {
            append(out, ((digest[triple[0]] & 0xff) << 16) | ((digest[triple[1]] & 0xff) << 8) | (digest[triple[2]] & 0xff), 4);
        }
        append(out, digest[63] & 0xff, 2);
        return out.toString();
    }

    private static void append(StringBuilder out, int value, int chars) {
        for (int i = 0; i < chars; i++) {
            out.append(ALPHABET.charAt(value & 0x3f));
            value >>>= 6;
        }
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is mandatory in every JDK", e);
        }
    }
}
