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
# JDK, Gatehouse and OpenSSL one after the other in each of HASH_RUNS (5) runs (Pbkdf2CpuTime starts pbkdf2_openssl.py --once)
java -Dbench.python="$PYTHON" -Dbench.runs="${HASH_RUNS:-5}" -cp bench/target/benchmarks.jar org.gatehouse.bench.Pbkdf2CpuTime \
  --openssl bench/pbkdf2_openssl.py 25000 220000 >"$work/cputime.tsv"

"$PYTHON" - "$work/jmh.csv" "$work/cputime.tsv" "${HASH_RUNS:-5}" <<'PY'
import csv, ssl, sys
n = sys.argv[3]
jmh = {}
with open(sys.argv[1]) as f:
    for row in csv.DictReader(f):
        impl = row["Benchmark"].rsplit(".", 1)[1]
        jmh[(impl, int(row["Param: rounds"]))] = (float(row["Score"]), float(row["Score Error (99.9%)"] or "nan"))
runs = {}
with open(sys.argv[2]) as f:
    for line in f:
        impl, rounds, median, _ = line.rstrip("\n").split("\t")
        runs[(impl, int(rounds))] = float(median)
openssl_wall = {r: v for (i, r), v in runs.items() if i == "openssl-wall"}
openssl_cpu = {r: v for (i, r), v in runs.items() if i == "openssl-cpu"}
print(f"OpenSSL: {ssl.OPENSSL_VERSION}; hashes/s, single thread")
print()
print(f"Wall clock (JMH score ± 99.9% error; OpenSSL: median of the {n} runs measured between the CPU-time runs below):")
print()
print("| rounds | JDK PBKDF2WithHmacSHA512 | Gatehouse Pbkdf2HmacSha512 | OpenSSL (hashlib) | Gatehouse / OpenSSL | JDK / OpenSSL |")
print("|---:|---:|---:|---:|---:|---:|")
for rounds in sorted(openssl_wall):
    jdk, jdk_err = jmh[("jdk", rounds)]
    gh, gh_err = jmh[("gatehouse", rounds)]
    o = openssl_wall[rounds]
    print(f"| {rounds:,} | {jdk:.2f} ± {jdk_err:.2f} | {gh:.2f} ± {gh_err:.2f} | {o:.2f} | {gh / o:.2f} | {jdk / o:.2f} |")
print()
print(f"Per second of the measuring thread's CPU time (median of {n} runs each, JDK, Gatehouse and OpenSSL one after the other in each run; Gatehouse / OpenSSL is the median of the {n} run-by-run ratios):")
print()
print("| rounds | JDK PBKDF2WithHmacSHA512 | Gatehouse Pbkdf2HmacSha512 | OpenSSL (hashlib) | Gatehouse / OpenSSL | JDK / OpenSSL |")
print("|---:|---:|---:|---:|---:|---:|")
for rounds in sorted(openssl_cpu):
    jdk = runs[("jdk", rounds)]
    gh = runs[("gatehouse", rounds)]
    o = openssl_cpu[rounds]
    print(f"| {rounds:,} | {jdk:.2f} | {gh:.2f} | {o:.2f} | {runs[('ratio', rounds)]:.2f} | {jdk / o:.2f} |")
PY
