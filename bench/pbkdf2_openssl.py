#!/usr/bin/env python3
"""Single-core PBKDF2-HMAC-SHA512 throughput of hashlib (OpenSSL), for comparison with Pbkdf2Benchmark.

Same inputs as the JMH benchmark: 28-byte password, 16-byte salt, 64-byte output.
Prints one tab-separated line per round count: rounds, median hashes per wall-clock second of 5 runs,
median hashes per second of this thread's CPU time, the 5 wall-clock runs. CPU time is the fairer figure on a
machine shared with other processes.

`pbkdf2_openssl.py --once ROUNDS` measures a single run and prints: hashes per wall-clock second, hashes per
CPU second. Pbkdf2CpuTime calls it between its own runs, so both are measured under the same conditions.
"""
import hashlib
import statistics
import sys
import time

PASSWORD = b"correct horse battery staple"
SALT = b"0123456789abcdef"
RUNS = 5
SECONDS_PER_RUN = 2.0


def one_run(rounds):
    """Returns (hashes per wall-clock second, hashes per thread-CPU second)."""
    hashlib.pbkdf2_hmac("sha512", PASSWORD, SALT, rounds, 64)  # warm-up
    count = 0
    start, cpu_start = time.perf_counter(), time.thread_time()
    while True:
        hashlib.pbkdf2_hmac("sha512", PASSWORD, SALT, rounds, 64)
        count += 1
        elapsed = time.perf_counter() - start
        if elapsed >= SECONDS_PER_RUN:
            return count / elapsed, count / (time.thread_time() - cpu_start)


def main(argv):
    if len(argv) == 3 and argv[1] == "--once":
        wall, cpu = one_run(int(argv[2]))
        print(f"{wall:.4f}\t{cpu:.4f}", flush=True)
        return
    rounds_list = [int(r) for r in argv[1:]] or [25000, 220000]
    for rounds in rounds_list:
        runs = [one_run(rounds) for _ in range(RUNS)]
        wall = [w for w, _ in runs]
        cpu = [c for _, c in runs]
        print(f"{rounds}\t{statistics.median(wall):.3f}\t{statistics.median(cpu):.3f}\t"
              + ",".join(f"{r:.3f}" for r in wall), flush=True)


if __name__ == "__main__":
    main(sys.argv)
