package org.gatehouse.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.gatehouse.passwords.Pbkdf2HmacSha512;

/**
 * Hashes per second of this thread's CPU time, JDK and Gatehouse interleaved, median of 5 runs. JMH measures wall
 * time, which other processes on a shared machine distort; CPU time is what pbkdf2_openssl.py reports alongside.
 * Prints: implementation, rounds, median, runs (tab separated).
 */
public final class Pbkdf2CpuTime {

    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD_CHARS = "correct horse battery staple".toCharArray();
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long CPU_NANOS_PER_RUN = 2_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    interface Hash {
        void run(int rounds) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512");
        Hash jdk = rounds -> factory.generateSecret(new PBEKeySpec(PASSWORD_CHARS, SALT, rounds, 512)).getEncoded();
        Hash gatehouse = rounds -> Pbkdf2HmacSha512.derive(PASSWORD, SALT, rounds, 64);
        for (int i = 0; i < 20; i++) {
            jdk.run(25_000);
            gatehouse.run(25_000);
        }
        int[] roundsList = args.length == 0 ? new int[] {25_000, 220_000} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int rounds : roundsList) {
            double[] jdkRuns = new double[5];
            double[] gatehouseRuns = new double[5];
            for (int run = 0; run < 5; run++) {
                jdkRuns[run] = hashesPerCpuSecond(jdk, rounds);
                gatehouseRuns[run] = hashesPerCpuSecond(gatehouse, rounds);
            }
            print("jdk", rounds, jdkRuns);
            print("gatehouse", rounds, gatehouseRuns);
        }
    }

    private static double hashesPerCpuSecond(Hash hash, int rounds) throws Exception {
        long start = THREADS.getCurrentThreadCpuTime();
        int count = 0;
        long elapsed;
        do {
            hash.run(rounds);
            count++;
            elapsed = THREADS.getCurrentThreadCpuTime() - start;
        } while (elapsed < CPU_NANOS_PER_RUN);
        return count / (elapsed / 1e9);
    }

    private static void print(String implementation, int rounds, double[] runs) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        StringBuilder all = new StringBuilder();
        for (double r : runs) {
            all.append(all.length() == 0 ? "" : ",").append(String.format("%.3f", r));
        }
        System.out.printf("%s\t%d\t%.3f\t%s%n", implementation, rounds, sorted[sorted.length / 2], all);
    }
}
