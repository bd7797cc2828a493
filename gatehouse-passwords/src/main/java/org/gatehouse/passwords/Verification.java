package org.gatehouse.passwords;

/** Outcome of checking a password against a stored hash. */
public enum Verification {
    MATCH,
    NO_MATCH,
    /** The password is right; the caller should store {@code context.hash(password)} in place of the old hash. */
    MATCH_NEEDS_UPGRADE;

    public boolean matches() {
        return this != NO_MATCH;
    }
}
