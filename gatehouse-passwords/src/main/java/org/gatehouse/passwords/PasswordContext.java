package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes new passwords in the default scheme and verifies stored hashes in any enabled scheme, the way passlib's
 * CryptContext does under Flask-Security. Thread-safe.
 */
public final class PasswordContext {

    public static final int MAX_PASSWORD_BYTES = 4096;

    /** OWASP Password Storage Cheat Sheet costs. Argon2's extra parameters use dotted keys. */
    public static final Map<String, Integer> DEFAULT_ROUNDS = Map.of(
            "pbkdf2_sha512", 220_000,
            "pbkdf2_sha256", 600_000,
            "pbkdf2_sha1", 1_300_000,
            "bcrypt", 12,
            "sha512_crypt", 656_000,
            "argon2", 2,
            "argon2.memory_cost", 19_456,
            "argon2.parallelism", 1);

    /** Flask-Security's SECURITY_PASSWORD_SINGLE_HASH default: schemes that never get the HMAC pre-hash. */
    public static final List<String> FLASK_SECURITY_SINGLE_HASH = List.of(
            "django_argon2", "django_bcrypt_sha256", "django_pbkdf2_sha256", "django_pbkdf2_sha1",
            "django_bcrypt", "django_salted_md5", "django_salted_sha1", "django_des_crypt", "plaintext");

    private static final List<String> SUPPORTED = List.of(
            "pbkdf2_sha512", "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt", "argon2", "sha512_crypt",
            "invenio_aes_encrypted_email");

    private static final Logger log = LoggerFactory.getLogger(PasswordContext.class);

    private final PasswordScheme defaultScheme;
    private final List<PasswordScheme> schemes;
    private final Set<String> deprecated;
    private final Set<String> singleHash;
    private final FlaskSecurityHmac legacyHmac;
    private volatile String dummyHash;

    private PasswordContext(Builder b) {
        Map<String, Integer> rounds = new HashMap<>(DEFAULT_ROUNDS);
        rounds.putAll(b.rounds);
        Map<String, PasswordScheme> byName = new LinkedHashMap<>();
        for (String name : b.schemes) {
            byName.put(name, b.custom.containsKey(name) ? b.custom.get(name) : create(name, rounds));
        }
        b.custom.forEach(byName::putIfAbsent);
        this.defaultScheme = byName.get(b.defaultScheme);
        if (defaultScheme == null) {
            throw new IllegalArgumentException("default scheme " + b.defaultScheme + " must be one of the schemes");
        }
        if (defaultScheme instanceof InvenioAesScheme) {
            throw new IllegalArgumentException(b.defaultScheme + " is verify-only and cannot be the default");
        }
        this.schemes = List.copyOf(byName.values());
        if (b.deprecatedSchemes.contains("auto")) {
            List<String> others = new ArrayList<>(byName.keySet());
            others.remove(b.defaultScheme);
            this.deprecated = Set.copyOf(others);
        } else {
            this.deprecated = Set.copyOf(b.deprecatedSchemes);
        }
        this.singleHash = Set.copyOf(b.singleHashSchemes);
        this.legacyHmac = b.legacyHmacSalt == null || b.legacyHmacSalt.isEmpty()
                ? null : new FlaskSecurityHmac(b.legacyHmacSalt);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A new hash in the default scheme; callers apply {@link PasswordPolicy#normalize(String)} first. */
    public String hash(CharSequence password) {
        byte[] bytes = utf8(password);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_BYTES + " UTF-8 bytes");
        }
        return defaultScheme.hash(bytes);
    }

    /** Never throws: malformed hashes and unknown schemes are logged and do not match. */
    public Verification verify(CharSequence password, String storedHash) {
        if (password == null || storedHash == null) {
            return Verification.NO_MATCH;
        }
        byte[] bytes = utf8(password);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            return Verification.NO_MATCH;
        }
        PasswordScheme scheme = identify(storedHash);
        if (scheme == null) {
            log.warn("Stored password hash with prefix '{}' is in no enabled scheme", prefix(storedHash));
            return Verification.NO_MATCH;
        }
        try {
            if (scheme.verify(bytes, storedHash)) {
                return deprecated.contains(scheme.name()) || scheme.needsUpgrade(storedHash)
                        ? Verification.MATCH_NEEDS_UPGRADE : Verification.MATCH;
            }
            if (legacyHmac != null && !singleHash.contains(scheme.name())
                    && scheme.verify(legacyHmac.preHash(bytes), storedHash)) {
                return Verification.MATCH_NEEDS_UPGRADE;
            }
            return Verification.NO_MATCH;
        } catch (MalformedHashException e) {
            log.warn("Malformed {} password hash: {}", scheme.name(), e.getMessage());
            return Verification.NO_MATCH;
        } catch (RuntimeException e) {
            log.warn("Could not verify {} password hash", scheme.name(), e);
            return Verification.NO_MATCH;
        }
    }

    /**
     * Whether the stored hash is one this context writes: in the default scheme, not deprecated, at the
     * configured cost or above. Parses the hash only; no key derivation.
     */
    public boolean isCurrent(String storedHash) {
        if (storedHash == null || !defaultScheme.identifies(storedHash) || deprecated.contains(defaultScheme.name())) {
            return false;
        }
        try {
            return !defaultScheme.needsUpgrade(storedHash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Exactly one key derivation in the default scheme: the password as given, never the legacy
     * pre-hash (hashes this context writes are never pre-hashed). For hashes that are {@link #isCurrent}.
     */
    public Verification verifyCurrent(CharSequence password, String storedHash) {
        if (password == null || storedHash == null || !isCurrent(storedHash)) {
            return Verification.NO_MATCH;
        }
        byte[] bytes = utf8(password);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            bytes = new byte[0];
        }
        try {
            return defaultScheme.verify(bytes, storedHash) ? Verification.MATCH : Verification.NO_MATCH;
        } catch (RuntimeException e) {
            log.warn("Could not verify {} password hash", defaultScheme.name(), e);
            return Verification.NO_MATCH;
        }
    }

    /**
     * Spends what one verification of a current hash spends (one key derivation in the default
     * scheme at the configured cost), so unknown users cost the same as known ones.
     */
    public void dummyVerify(CharSequence password) {
        String hash = dummyHash;
        if (hash == null) {
            // making the dummy hash is the one key derivation of the first call
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            dummyHash = defaultScheme.hash(random);
            return;
        }
        verifyCurrent(password == null ? "" : password, hash);
    }

    /**
     * What the verification of a stored hash costs, as a short key: the scheme's name and the hash's
     * cost fields (rounds, bcrypt's cost, argon2's parameters), without salt and digest, e.g.
     * {@code bcrypt $2b$12} or {@code pbkdf2_sha512 $pbkdf2-sha512$25000}. Two hashes with the same
     * shape cost the same to verify. Null when no enabled scheme identifies the hash. No derivation.
     */
    public String costShape(String storedHash) {
        PasswordScheme scheme = storedHash == null ? null : identify(storedHash);
        if (scheme == null) {
            return null;
        }
        String[] fields = storedHash.split("\\$", -1);
        int keep = switch (scheme.name()) {
            case "invenio_aes_encrypted_email" -> 0; // $invenio-aes$EMAIL$HEX: one AES decryption, whatever the hash
            case "bcrypt" -> Math.min(3, fields.length); // $2b$12$<salt and digest>
            default -> Math.max(0, fields.length - 2); // $id$<cost fields>$salt$digest
        };
        String cost = String.join("$", java.util.Arrays.asList(fields).subList(0, keep));
        String shape = scheme.name() + " " + cost;
        return shape.length() > 120 ? shape.substring(0, 120) : shape;
    }

    public String defaultScheme() {
        return defaultScheme.name();
    }

    private PasswordScheme identify(String hash) {
        for (PasswordScheme scheme : schemes) {
            if (scheme.identifies(hash)) {
                return scheme;
            }
        }
        return null;
    }

    private static String prefix(String hash) {
        int end = hash.indexOf('$', 1);
        String prefix = end < 0 ? hash : hash.substring(0, end + 1);
        return prefix.length() > 20 ? prefix.substring(0, 20) : prefix;
    }

    private static byte[] utf8(CharSequence password) {
        return password.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static PasswordScheme create(String name, Map<String, Integer> rounds) {
        return switch (name) {
            case "pbkdf2_sha512" -> Pbkdf2Scheme.sha512(rounds.get(name));
            case "pbkdf2_sha256" -> Pbkdf2Scheme.sha256(rounds.get(name));
            case "pbkdf2_sha1" -> Pbkdf2Scheme.sha1(rounds.get(name));
            case "bcrypt" -> new BcryptScheme(rounds.get(name));
            case "argon2" -> new Argon2Scheme(rounds.get("argon2.memory_cost"), rounds.get(name),
                    rounds.get("argon2.parallelism"));
            case "sha512_crypt" -> new Sha512CryptScheme(rounds.get(name));
            case "invenio_aes_encrypted_email" -> new InvenioAesScheme();
            default -> throw new IllegalArgumentException("unsupported password scheme " + name
                    + "; supported: " + SUPPORTED);
        };
    }

    public static final class Builder {

        private String defaultScheme = "pbkdf2_sha512";
        private List<String> schemes = SUPPORTED;
        private List<String> deprecatedSchemes = List.of();
        private Map<String, Integer> rounds = Map.of();
        private String legacyHmacSalt;
        private List<String> singleHashSchemes = FLASK_SECURITY_SINGLE_HASH;
        private final Map<String, PasswordScheme> custom = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder defaultScheme(String defaultScheme) {
            this.defaultScheme = defaultScheme;
            return this;
        }

        /** Schemes accepted when verifying, passlib names. Defaults to every supported scheme. */
        public Builder schemes(List<String> schemes) {
            this.schemes = List.copyOf(schemes);
            return this;
        }

        /** Schemes whose matches need an upgrade; the single entry {@code auto} means every non-default scheme. */
        public Builder deprecatedSchemes(List<String> deprecatedSchemes) {
            this.deprecatedSchemes = List.copyOf(deprecatedSchemes);
            return this;
        }

        /** Overrides of {@link #DEFAULT_ROUNDS}; keys are scheme names plus argon2.memory_cost and argon2.parallelism. */
        public Builder rounds(Map<String, Integer> rounds) {
            for (String key : rounds.keySet()) {
                if (!DEFAULT_ROUNDS.containsKey(key)) {
                    throw new IllegalArgumentException("unknown rounds key " + key + "; known: " + DEFAULT_ROUNDS.keySet());
                }
            }
            this.rounds = Map.copyOf(rounds);
            return this;
        }

        /** Flask-Security's SECURITY_PASSWORD_SALT, or null when there are no pre-hashed legacy hashes. */
        public Builder legacyHmacSalt(String legacyHmacSalt) {
            this.legacyHmacSalt = legacyHmacSalt;
            return this;
        }

        public Builder singleHashSchemes(List<String> singleHashSchemes) {
            this.singleHashSchemes = List.copyOf(singleHashSchemes);
            return this;
        }

        /**
         * Adds a scheme, or replaces the built-in one of the same {@link PasswordScheme#name()}: a scheme of the
         * application's own, or a wrapper that observes the work done (tests count key derivations this way).
         */
        public Builder scheme(PasswordScheme scheme) {
            this.custom.put(scheme.name(), scheme);
            return this;
        }

        public PasswordContext build() {
            return new PasswordContext(this);
        }
    }
}
