package org.gatehouse.passwords;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** passlib's {@code bcrypt}: verifies {@code $2a$}, {@code $2y$} and {@code $2b$}, writes {@code $2b$}. */
public final class BcryptScheme implements PasswordScheme {

    static final int MIN_COST = 4;
    static final int MAX_COST = 20;
    private static final Pattern FORMAT =
            Pattern.compile("\\$(2[aby])\\$(\\d\\d)\\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})");
    private static final String BCRYPT_ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String STANDARD_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final int cost;
    private final SecureRandom random = new SecureRandom();

    public BcryptScheme(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be " + MIN_COST + ".." + MAX_COST);
        }
        this.cost = cost;
    }

    @Override
    public String name() {
        return "bcrypt";
    }

    @Override
    public boolean identifies(String hash) {
        return hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$");
    }

    @Override
    public String hash(byte[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, cost);
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        Matcher m = parse(hash);
        int storedCost = cost(m);
        byte[] salt = decodeSalt(m.group(3));
        String computed = OpenBSDBCrypt.generate(m.group(1), password, salt, storedCost);
        byte[] actual = computed.substring(computed.length() - 31).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, m.group(4).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsUpgrade(String hash) {
        return cost(parse(hash)) < cost;
    }

    /** bcrypt writes its cost as exactly two zero-padded digits. */
    private static int cost(Matcher m) {
        int stored = Integer.parseInt(m.group(2));
        if (stored < MIN_COST || stored > MAX_COST) {
            throw new MalformedHashException("bcrypt cost out of range " + MIN_COST + ".." + MAX_COST + ": " + stored);
        }
        return stored;
    }

    private static Matcher parse(String hash) {
        Matcher m = FORMAT.matcher(hash);
        if (!m.matches()) {
            throw new MalformedHashException("not a well-formed bcrypt hash");
        }
        return m;
    }

    /** bcrypt's base64 is the standard one over a permuted alphabet, so translate and reuse the JDK decoder. */
    private static byte[] decodeSalt(String salt) {
        StringBuilder standard = new StringBuilder(salt.length());
        for (int i = 0; i < salt.length(); i++) {
            standard.append(STANDARD_ALPHABET.charAt(BCRYPT_ALPHABET.indexOf(salt.charAt(i))));
        }
        return Base64.getDecoder().decode(standard.toString());
    }
}
