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
 *
 * <p>With {@code --openssl SCRIPT} first, each run also starts {@code python3 SCRIPT --once ROUNDS} right after the
 * Java runs and prints its figures as {@code openssl-cpu} and {@code openssl-wall}, and the median of the run-by-run
 * ratios as {@code ratio}: on this VM a single-thread rate moves by up to half within seconds (OpenSSL measured
 * 33.7 and 55.2 hashes per CPU-second in consecutive 2 s runs), so a reference measured minutes apart is not one.
 */
public final class Pbkdf2CpuTime {

    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final char[] PASSWORD_CHARS = "correct horse battery staple".toCharArray();
    private static final byte[] SALT = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final long CPU_NANOS_PER_RUN = 2_000_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** 5; a smoke run (bench/run.sh with QUICK=1) sets -Dbench.runs=1. */
    private static final int RUNS = Integer.getInteger("bench.runs", 5);

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
        String openssl = args.length >= 2 && args[0].equals("--openssl") ? args[1] : null;
        String[] roundsArgs = openssl == null ? args : Arrays.copyOfRange(args, 2, args.length);
        int[] roundsList = roundsArgs.length == 0 ? new int[] {25_000, 220_000}
                : Arrays.stream(roundsArgs).mapToInt(Integer::parseInt).toArray();
        for (int rounds : roundsList) {
            double[] jdkRuns = new double[RUNS];
            double[] gatehouseRuns = new double[RUNS];
            double[] opensslCpu = new double[RUNS];
            double[] opensslWall = new double[RUNS];
            double[] ratios = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                jdkRuns[run] = hashesPerCpuSecond(jdk, rounds);
                gatehouseRuns[run] = hashesPerCpuSecond(gatehouse, rounds);
                if (openssl != null) {
                    double[] reference = opensslRun(openssl, rounds);
                    opensslWall[run] = reference[0];
                    opensslCpu[run] = reference[1];
                    ratios[run] = gatehouseRuns[run] / opensslCpu[run];
                }
            }
            print("jdk", rounds, jdkRuns);
            print("gatehouse", rounds, gatehouseRuns);
            if (openssl != null) {
                print("openssl-cpu", rounds, opensslCpu);
                print("openssl-wall", rounds, opensslWall);
                print("ratio", rounds, ratios);
            }
        }
    }

    /** One run of pbkdf2_openssl.py: {hashes per wall-clock second, hashes per CPU second}. */
    private static double[] opensslRun(String script, int rounds) throws Exception {
        String python = System.getProperty("bench.python", "python3");
        Process process = new ProcessBuilder(python, script, "--once", Integer.toString(rounds))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(script + " --once " + rounds + " failed: " + out);
        }
        String[] fields = out.split("\t");
        return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1])};
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
