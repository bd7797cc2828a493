package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** passlib's {@code sha512_crypt}: {@code $6$rounds=N$salt$checksum} or {@code $6$salt$checksum} (5000 rounds). */
public final class Sha512CryptScheme implements PasswordScheme {

    static final int MIN_ROUNDS = 1000;
    static final int MAX_ROUNDS = 10_000_000;
    private static final int IMPLICIT_ROUNDS = 5000;
    private static final int SALT_CHARS = 16;
    private static final Pattern FORMAT =
            Pattern.compile("\\$6\\$(?:rounds=(\\d+)\\$)?([./0-9A-Za-z]{0,16})\\$([./0-9A-Za-z]{86})");

    private final int rounds;
    private final SecureRandom random = new SecureRandom();

    public Sha512CryptScheme(int rounds) {
        if (rounds < MIN_ROUNDS || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("sha512_crypt rounds must be " + MIN_ROUNDS + ".." + MAX_ROUNDS);
        }
        this.rounds = rounds;
    }

    @Override
    public String name() {
        return "sha512_crypt";
    }

    @Override
    public boolean identifies(String hash) {
        return hash.startsWith("$6$");
    }

    @Override
    public String hash(byte[] password) {
        StringBuilder salt = new StringBuilder(SALT_CHARS);
        for (int i = 0; i < SALT_CHARS; i++) {
            salt.append(Sha512Crypt.ALPHABET.charAt(random.nextInt(64)));
        }
        String checksum = Sha512Crypt.checksum(password, salt.toString().getBytes(StandardCharsets.US_ASCII), rounds);
        String roundsPart = rounds == IMPLICIT_ROUNDS ? "" : "rounds=" + rounds + "$";
        return "$6$" + roundsPart + salt + "$" + checksum;
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        Matcher m = parse(hash);
        String checksum = Sha512Crypt.checksum(password, m.group(2).getBytes(StandardCharsets.US_ASCII), rounds(m));
        return MessageDigest.isEqual(checksum.getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsUpgrade(String hash) {
        return rounds(parse(hash)) < rounds;
    }

    private static Matcher parse(String hash) {
        Matcher m = FORMAT.matcher(hash);
        if (!m.matches()) {
            throw new MalformedHashException("not a well-formed sha512_crypt hash");
        }
        return m;
    }

    private static int rounds(Matcher m) {
        return m.group(1) == null ? IMPLICIT_ROUNDS
                : CostParameter.parse(m.group(1), MIN_ROUNDS, MAX_ROUNDS, "sha512_crypt rounds");
    }
}
