package org.gatehouse.passwords;

/**
 * One password hashing scheme in passlib's Modular Crypt Format.
 * Implementations throw {@link MalformedHashException} for hashes they identify but cannot parse.
 */
public interface PasswordScheme {

    /** passlib's name for the scheme, e.g. {@code pbkdf2_sha512}. */
    String name();

    /** Whether the stored hash belongs to this scheme (prefix check only). */
    boolean identifies(String hash);

    /** A new hash at the configured cost. Throws {@link UnsupportedOperationException} for verify-only schemes. */
    String hash(byte[] password);

    boolean verify(byte[] password, String hash);

    /** Whether the stored hash is weaker than the configured cost for this scheme. */
    boolean needsUpgrade(String hash);
}
