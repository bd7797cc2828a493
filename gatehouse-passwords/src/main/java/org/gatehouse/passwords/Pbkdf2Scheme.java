package org.gatehouse.passwords;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** passlib's {@code pbkdf2_sha512}, {@code pbkdf2_sha256} and {@code pbkdf2_sha1}: {@code $ident$ROUNDS$SALT$CHECKSUM} in ab64. */
public final class Pbkdf2Scheme implements PasswordScheme {

    static final int MAX_ROUNDS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int MAX_SALT_BYTES = 1024;

    @FunctionalInterface
    interface Pbkdf2Function {
        byte[] derive(byte[] password, byte[] salt, int rounds, int length);
    }

    private final String name;
    private final String prefix;
    private final int checksumBytes;
    private final Pbkdf2Function function;
    private final int rounds;
    private final SecureRandom random = new SecureRandom();

    private Pbkdf2Scheme(String name, String ident, int checksumBytes, Pbkdf2Function function, int rounds) {
        if (rounds < 1 || rounds > MAX_ROUNDS) {
            throw new IllegalArgumentException(name + " rounds must be 1.." + MAX_ROUNDS);
        }
        this.name = name;
        this.prefix = "$" + ident + "$";
        this.checksumBytes = checksumBytes;
        this.function = function;
        this.rounds = rounds;
    }

    public static Pbkdf2Scheme sha512(int rounds) {
        return new Pbkdf2Scheme("pbkdf2_sha512", "pbkdf2-sha512", 64, Pbkdf2HmacSha512::derive, rounds);
    }

    public static Pbkdf2Scheme sha256(int rounds) {
        return new Pbkdf2Scheme("pbkdf2_sha256", "pbkdf2-sha256", 32, bouncyCastle(SHA256Digest::new), rounds);
    }

    public static Pbkdf2Scheme sha1(int rounds) {
        return new Pbkdf2Scheme("pbkdf2_sha1", "pbkdf2", 20, bouncyCastle(SHA1Digest::new), rounds);
    }

    /** BouncyCastle rather than the JDK because JDK HMAC keys cannot be empty, and empty passwords are legal in passlib. */
    private static Pbkdf2Function bouncyCastle(java.util.function.Supplier<Digest> digest) {
        return (password, salt, rounds, length) -> {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest.get());
            generator.init(password, salt, rounds);
            return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean identifies(String hash) {
        return hash.startsWith(prefix);
    }

    @Override
    public String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] checksum = function.derive(password, salt, rounds, checksumBytes);
        return prefix + rounds + "$" + Ab64.encode(salt) + "$" + Ab64.encode(checksum);
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        Parsed parsed = parse(hash);
        byte[] actual = function.derive(password, parsed.salt, parsed.rounds, checksumBytes);
        return MessageDigest.isEqual(actual, parsed.checksum);
    }

    @Override
    public boolean needsUpgrade(String hash) {
        return parse(hash).rounds < rounds;
    }

    private Parsed parse(String hash) {
        if (!identifies(hash)) {
            throw new MalformedHashException("not a " + name + " hash");
        }
        String[] parts = hash.substring(prefix.length()).split("\\$", -1);
        if (parts.length != 3) {
            throw new MalformedHashException(name + " hash needs rounds, salt and checksum");
        }
        int parsedRounds = CostParameter.parse(parts[0], 1, MAX_ROUNDS, name + " rounds");
        byte[] salt = Ab64.decode(parts[1]);
        byte[] checksum = Ab64.decode(parts[2]);
        if (salt.length > MAX_SALT_BYTES || checksum.length != checksumBytes) {
            throw new MalformedHashException(name + " salt or checksum has the wrong size");
        }
        return new Parsed(parsedRounds, salt, checksum);
    }

    private record Parsed(int rounds, byte[] salt, byte[] checksum) {
    }
}
