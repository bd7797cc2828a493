package org.gatehouse.passwords;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * PBKDF2-HMAC-SHA512 (RFC 8018) tuned for the iteration loop: the HMAC key's inner and outer pad states are
 * computed once, and every iteration is exactly two compressions of a fixed, pre-padded 16-word block, with no
 * allocation. The JDK's PBKDF2 re-hashes both pads every iteration; cloning pad-primed JDK digests (to use HotSpot's
 * SHA-512 intrinsic) measured slower than this because of the clones (bench/RESULTS.md).
 * Thread-safe: each call works on its own state.
 */
public final class Pbkdf2HmacSha512 {

    private static final int BLOCK_BYTES = 128;
    private static final int DIGEST_WORDS = 8;
    /** Bit length of a 128-byte pad block followed by a 64-byte digest. */
    private static final long HMAC_OF_DIGEST_BITS = (BLOCK_BYTES + 64) * 8L;

    private final Sha512Compression compression = new Sha512Compression();

    private Pbkdf2HmacSha512() {
    }

    public static byte[] derive(byte[] password, byte[] salt, int rounds, int length) {
        if (rounds < 1 || length < 1) {
            throw new IllegalArgumentException("rounds and length must be positive");
        }
        return new Pbkdf2HmacSha512().run(password, salt, rounds, length);
    }

    private byte[] run(byte[] password, byte[] salt, int rounds, int length) {
        long[] innerPad = new long[DIGEST_WORDS];
        long[] outerPad = new long[DIGEST_WORDS];
        padStates(password, innerPad, outerPad);

        byte[] out = new byte[length];
        long[] u = new long[DIGEST_WORDS];
        long[] t = new long[DIGEST_WORDS];
        long[] block = new long[16];
        long[] state = new long[DIGEST_WORDS];
        for (int blockIndex = 1, offset = 0; offset < length; blockIndex++, offset += 64) {
            firstIteration(innerPad, outerPad, salt, blockIndex, u);
            System.arraycopy(u, 0, t, 0, DIGEST_WORDS);
            block[8] = 0x8000000000000000L;
            for (int i = 9; i < 15; i++) {
                block[i] = 0;
            }
            block[15] = HMAC_OF_DIGEST_BITS;
            for (int r = 1; r < rounds; r++) {
                System.arraycopy(u, 0, block, 0, DIGEST_WORDS);
                System.arraycopy(innerPad, 0, state, 0, DIGEST_WORDS);
                compression.compress(state, block);
                System.arraycopy(state, 0, block, 0, DIGEST_WORDS);
                System.arraycopy(outerPad, 0, u, 0, DIGEST_WORDS);
                compression.compress(u, block);
                for (int i = 0; i < DIGEST_WORDS; i++) {
                    t[i] ^= u[i];
                }
            }
            for (int i = 0; i < DIGEST_WORDS && offset + i * 8 < length; i++) {
                for (int j = 0; j < 8 && offset + i * 8 + j < length; j++) {
                    out[offset + i * 8 + j] = (byte) (t[i] >>> (56 - 8 * j));
                }
            }
        }
        return out;
    }

    private void padStates(byte[] password, long[] innerPad, long[] outerPad) {
        byte[] key = password.length > BLOCK_BYTES ? sha512(password) : password;
        byte[] inner = new byte[BLOCK_BYTES];
        byte[] outer = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            byte k = i < key.length ? key[i] : 0;
            inner[i] = (byte) (k ^ 0x36);
            outer[i] = (byte) (k ^ 0x5c);
        }
        System.arraycopy(Sha512Compression.INITIAL_STATE, 0, innerPad, 0, DIGEST_WORDS);
        System.arraycopy(Sha512Compression.INITIAL_STATE, 0, outerPad, 0, DIGEST_WORDS);
        compression.compress(innerPad, toWords(inner, 0));
        compression.compress(outerPad, toWords(outer, 0));
    }

    /** U1 = HMAC(password, salt || INT(blockIndex)), the only iteration with a variable-length message. */
    private void firstIteration(long[] innerPad, long[] outerPad, byte[] salt, int blockIndex, long[] u) {
        byte[] message = new byte[salt.length + 4];
        System.arraycopy(salt, 0, message, 0, salt.length);
        message[salt.length] = (byte) (blockIndex >>> 24);
        message[salt.length + 1] = (byte) (blockIndex >>> 16);
        message[salt.length + 2] = (byte) (blockIndex >>> 8);
        message[salt.length + 3] = (byte) blockIndex;
        long[] inner = finish(innerPad, message);
        byte[] innerBytes = new byte[64];
        for (int i = 0; i < 64; i++) {
            innerBytes[i] = (byte) (inner[i / 8] >>> (56 - 8 * (i % 8)));
        }
        System.arraycopy(finish(outerPad, innerBytes), 0, u, 0, DIGEST_WORDS);
    }

    /** Hashes {@code message} starting from a state that has already absorbed one 128-byte block. */
    private long[] finish(long[] padState, byte[] message) {
        int paddedLength = ((message.length + 17 + BLOCK_BYTES - 1) / BLOCK_BYTES) * BLOCK_BYTES;
        byte[] padded = new byte[paddedLength];
        System.arraycopy(message, 0, padded, 0, message.length);
        padded[message.length] = (byte) 0x80;
        long bits = (BLOCK_BYTES + (long) message.length) * 8;
        for (int i = 0; i < 8; i++) {
            padded[paddedLength - 1 - i] = (byte) (bits >>> (8 * i));
        }
        long[] state = padState.clone();
        for (int offset = 0; offset < paddedLength; offset += BLOCK_BYTES) {
            compression.compress(state, toWords(padded, offset));
        }
        return state;
    }

    private static long[] toWords(byte[] bytes, int offset) {
        long[] words = new long[16];
        for (int i = 0; i < 16; i++) {
            long word = 0;
            for (int j = 0; j < 8; j++) {
                word = (word << 8) | (bytes[offset + i * 8 + j] & 0xff);
            }
            words[i] = word;
        }
        return words;
    }

    private static byte[] sha512(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is mandatory in every JDK", e);
        }
    }
}
