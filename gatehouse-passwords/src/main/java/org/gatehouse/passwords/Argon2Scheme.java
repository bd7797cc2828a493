package org.gatehouse.passwords;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** passlib's {@code argon2}: writes {@code $argon2id$v=19$m=..,t=..,p=..$SALT$HASH}, also verifies argon2i and argon2d. */
public final class Argon2Scheme implements PasswordScheme {

    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_TIME_COST = 1000;
    static final int MAX_PARALLELISM = 64;
    private static final int SALT_BYTES = 16;
    private static final int DIGEST_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2(id|i|d)\\$(?:v=(\\d+)\\$)?m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final int memoryKib;
    private final int timeCost;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();

    public Argon2Scheme(int memoryKib, int timeCost, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || timeCost < 1 || timeCost > MAX_TIME_COST
                || memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("argon2 parameters out of range");
        }
        this.memoryKib = memoryKib;
        this.timeCost = timeCost;
        this.parallelism = parallelism;
    }

    @Override
    public String name() {
        return "argon2";
    }

    @Override
    public boolean identifies(String hash) {
        return hash.startsWith("$argon2id$") || hash.startsWith("$argon2i$") || hash.startsWith("$argon2d$");
    }

    @Override
    public String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Parsed params = new Parsed(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                memoryKib, timeCost, parallelism, salt, new byte[DIGEST_BYTES]);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + timeCost + ",p=" + parallelism
                + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, params));
    }

    @Override
    public boolean verify(byte[] password, String hash) {
        Parsed parsed = parse(hash);
        return MessageDigest.isEqual(derive(password, parsed), parsed.digest);
    }

    @Override
    public boolean needsUpgrade(String hash) {
        Parsed parsed = parse(hash);
        return parsed.type != Argon2Parameters.ARGON2_id || parsed.version != Argon2Parameters.ARGON2_VERSION_13
                || parsed.memoryKib < memoryKib || parsed.timeCost < timeCost || parsed.parallelism < parallelism;
    }

    private static byte[] derive(byte[] password, Parsed p) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(p.type).withVersion(p.version).withMemoryAsKB(p.memoryKib)
                .withIterations(p.timeCost).withParallelism(p.parallelism).withSalt(p.salt).build());
        byte[] out = new byte[p.digest.length];
        generator.generateBytes(password, out);
        return out;
    }

    private static Parsed parse(String hash) {
        Matcher m = FORMAT.matcher(hash);
        if (!m.matches()) {
            throw new MalformedHashException("not a well-formed argon2 hash");
        }
        int type = switch (m.group(1)) {
            case "id" -> Argon2Parameters.ARGON2_id;
            case "i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_d;
        };
        int version = m.group(2) == null ? Argon2Parameters.ARGON2_VERSION_10
                : CostParameter.parse(m.group(2), 16, 19, "argon2 version");
        if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
            throw new MalformedHashException("unknown argon2 version " + version);
        }
        int parallelism = CostParameter.parse(m.group(5), 1, MAX_PARALLELISM, "argon2 parallelism");
        int memory = CostParameter.parse(m.group(3), 8 * parallelism, MAX_MEMORY_KIB, "argon2 memory");
        int time = CostParameter.parse(m.group(4), 1, MAX_TIME_COST, "argon2 time cost");
        byte[] salt = decode(m.group(6));
        byte[] digest = decode(m.group(7));
        if (salt.length < 8 || salt.length > 1024 || digest.length < 4 || digest.length > 1024) {
            throw new MalformedHashException("argon2 salt or digest has the wrong size");
        }
        return new Parsed(type, version, memory, time, parallelism, salt, digest);
    }

    private static byte[] decode(String text) {
        if (text.length() % 4 == 1) {
            throw new MalformedHashException("invalid base64 in argon2 hash");
        }
        return Base64.getDecoder().decode(text);
    }

    private record Parsed(int type, int version, int memoryKib, int timeCost, int parallelism, byte[] salt,
                          byte[] digest) {
    }
}
