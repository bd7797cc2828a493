#!/usr/bin/env bash
# PBKDF2-HMAC-SHA512 single-thread: JDK vs Gatehouse (JMH) vs OpenSSL (Python hashlib).
# Usage: bench/hash-bench.sh   (builds bench/target/benchmarks.jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
JMH_ARGS=${JMH_ARGS:--f 1 -wi 2 -i 3 -t 1}

if [[ ! -f bench/target/benchmarks.jar ]]; then
  mvn -q -B -pl gatehouse-passwords,bench -am package -DskipTests
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2086
java -jar bench/target/benchmarks.jar Pbkdf2Benchmark $JMH_ARGS -rf csv -rff "$work/jmh.csv" >"$work/jmh.log"
"$PYTHON" bench/pbkdf2_openssl.py 25000 220000 >"$work/openssl.tsv"
java -cp bench/target/benchmarks.jar org.gatehouse.bench.Pbkdf2CpuTime 25000 220000 >"$work/cputime.tsv"

"$PYTHON" - "$work/jmh.csv" "$work/openssl.tsv" "$work/cputime.tsv" <<'PY'
import csv, ssl, sys
jmh = {}
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        impl = row["Benchmark"].rsplit(".", 1)[1]
        jmh[(impl, int(row["Param: rounds"]))] = (float(row["Score"]), float(row["Score Error (99.9%)"] or "nan"))
openssl_wall, openssl_cpu = {}, {}
with open(sys.argv[2]) as f:
    for line in f:
        rounds, wall, cpu, _ = line.rstrip("\n").split("\t")
        openssl_wall[int(rounds)] = float(wall)
        openssl_cpu[int(rounds)] = float(cpu)
java_cpu = {}
with open(sys.argv[3]) as f:
    for line in f:
        impl, rounds, median, _ = line.rstrip("\n").split("\t")
        java_cpu[(impl, int(rounds))] = float(median)
print(f"OpenSSL: {ssl.OPENSSL_VERSION}; hashes/s, single thread")
print()
print("Wall clock (JMH score ± 99.9% error; OpenSSL median of 5 runs):")
print()
print("| rounds | JDK PBKDF2WithHmacSHA512 | Gatehouse Pbkdf2HmacSha512 | OpenSSL (hashlib) | Gatehouse / OpenSSL | JDK / OpenSSL |")
print("|---:|---:|---:|---:|---:|---:|")
for rounds in sorted(openssl_wall):
    jdk, jdk_err = jmh[("jdk", rounds)]
    gh, gh_err = jmh[("gatehouse", rounds)]
    o = openssl_wall[rounds]
    print(f"| {rounds:,} | {jdk:.2f} ± {jdk_err:.2f} | {gh:.2f} ± {gh_err:.2f} | {o:.2f} | {gh / o:.2f} | {jdk / o:.2f} |")
print()
print("Per second of the measuring thread's CPU time (median of 5 runs each; robust against other load):")
print()
print("| rounds | JDK PBKDF2WithHmacSHA512 | Gatehouse Pbkdf2HmacSha512 | OpenSSL (hashlib) | Gatehouse / OpenSSL | JDK / OpenSSL |")
print("|---:|---:|---:|---:|---:|---:|")
for rounds in sorted(openssl_cpu):
    jdk = java_cpu[("jdk", rounds)]
    gh = java_cpu[("gatehouse", rounds)]
    o = openssl_cpu[rounds]
    print(f"| {rounds:,} | {jdk:.2f} | {gh:.2f} | {o:.2f} | {gh / o:.2f} | {jdk / o:.2f} |")
PY
