package org.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.gatehouse.passwords.Pbkdf2HmacSha512;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Single-thread PBKDF2-HMAC-SHA512, 16-byte salt, 64-byte output, as passlib's pbkdf2_sha512 uses it. Score: hashes/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Pbkdf2Benchmark {

    private static final String PASSWORD = "correct horse battery staple";

    @Param({"25000", "220000"})
    public int rounds;

    private final byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final byte[] passwordBytes = PASSWORD.getBytes(StandardCharsets.UTF_8);
    private final char[] passwordChars = PASSWORD.toCharArray();
    private SecretKeyFactory jdkFactory;

    @Setup
    public void setUp() throws GeneralSecurityException {
        jdkFactory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
    }

    @Benchmark
    public byte[] jdk() throws GeneralSecurityException {
        return jdkFactory.generateSecret(new PBEKeySpec(passwordChars, salt, rounds, 512)).getEncoded();
    }

    @Benchmark
    public byte[] gatehouse() {
        return Pbkdf2HmacSha512.derive(passwordBytes, salt, rounds, 64);
    }
}
