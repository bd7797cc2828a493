package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * NIST SP 800-63B style rules for new passwords: a minimum length, a maximum size, no composition rules, and no
 * common, guessable or personal passwords.
 */
public final class PasswordPolicy {

    public static final int DEFAULT_MIN_LENGTH = 12;
    public static final int LOWEST_MIN_LENGTH = 8;
    public static final int DEFAULT_MAX_BYTES = PasswordContext.MAX_PASSWORD_BYTES;
    /**
     * nbvcxz's estimate, in bits (log2 of guesses), below which a password counts as common:
     * 2^27 is about 1.3 * 10^8 guesses, i.e. seconds for an offline attacker on a fast hash.
     */
    public static final double MIN_ENTROPY_BITS = 27.0;
    /** Email local parts and usernames shorter than this are not searched for, or most passwords would fail. */
    private static final int MIN_PERSONAL_TOKEN = 3;

    private final int minLength;
    private final int maxBytes;

    public PasswordPolicy() {
        this(DEFAULT_MIN_LENGTH, DEFAULT_MAX_BYTES);
    }

    /**
     * @param minLength minimum length in Unicode code points, at least {@value #LOWEST_MIN_LENGTH}
     * @param maxBytes maximum size in UTF-8 bytes, at most {@value PasswordContext#MAX_PASSWORD_BYTES}
     */
    public PasswordPolicy(int minLength, int maxBytes) {
        if (minLength < LOWEST_MIN_LENGTH) {
            throw new IllegalArgumentException("minimum password length must be at least " + LOWEST_MIN_LENGTH);
        }
        if (maxBytes < minLength || maxBytes > PasswordContext.MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("maximum password size must be between the minimum length and "
                    + PasswordContext.MAX_PASSWORD_BYTES + " bytes");
        }
        this.minLength = minLength;
        this.maxBytes = maxBytes;
    }

    /** NFKC, the form in which passwords are hashed. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Why a new password is refused: a message key (for a translated text), its arguments and the English text.
     *
     * @param key message key, {@code password.policy.*}
     * @param arguments arguments of the message, {0}, {1}, ...
     * @param text the refusal in English
     */
    public record Refusal(String key, List<Object> arguments, String text) {

        static Refusal of(String key, String text, Object... arguments) {
            return new Refusal("password.policy." + key, List.of(arguments), text);
        }
    }

    /** Problems with a new password in plain English; empty means acceptable. email and username may be null. */
    public List<String> check(String password, String email, String username) {
        return refusals(password, email, username).stream().map(Refusal::text).toList();
    }

    /** Problems with a new password, each with its message key; empty means acceptable. email and username may be null. */
    public List<Refusal> refusals(String password, String email, String username) {
        List<Refusal> problems = new ArrayList<>();
        if (password == null) {
            problems.add(Refusal.of("required", "Enter a password."));
            return problems;
        }
        // NFKC can lengthen a password (one ligature becomes several letters), and the NFKC form is what is hashed
        if (password.getBytes(StandardCharsets.UTF_8).length > maxBytes
                || normalize(password).getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            problems.add(Refusal.of("too-long", "Password must be at most " + maxBytes + " bytes long.", maxBytes));
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add(Refusal.of("too-short", "Password must be at least " + minLength + " characters long.",
                    minLength));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = localPart(email);
        if (localPart.length() >= MIN_PERSONAL_TOKEN && lower.contains(localPart)) {
            // say what matched: the rule refuses the name part alone, which "your email address" did not tell
            problems.add(lower.contains(email.strip().toLowerCase(Locale.ROOT))
                    ? Refusal.of("email", "Password must not contain your email address.")
                    : Refusal.of("email-name", "Password must not contain the name part of your email address (\""
                            + localPart + "\", before the @).", localPart));
        }
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (name.length() >= MIN_PERSONAL_TOKEN && lower.contains(name)) {
            problems.add(Refusal.of("username", "Password must not contain your username."));
        }
        if (CommonPasswords.isListed(password)) {
            problems.add(Refusal.of("common", "Password is one of the most common passwords; choose another."));
        } else if (CommonPasswords.entropyBits(password) < MIN_ENTROPY_BITS) {
            problems.add(Refusal.of("guessable", "Password is too easy to guess; a few unrelated words make a strong one."));
        }
        return problems;
    }

    private static String localPart(String email) {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        return (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
    }
}
