"""Rewrites the current table at the top of bench/RESULTS.md from the latest complete runs in bench/history/.

Usage: python3 bench/current.py   (bench/run.sh runs it after a complete run; QUICK=1 runs are never recorded)
The latest bench/history/*-core.tsv gives the core rows, the latest *-scale.tsv the scale rows, the latest
*-latency.tsv (bench/latency.sh) the revocation-latency rows; everything in bench/RESULTS.md from its "## What is
left" heading (or, without one, its "## History" heading) on is kept as it is.
"""
import collections
import glob
import os
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
RESULTS = os.path.join(BENCH, "RESULTS.md")


def latest(part):
    files = sorted(glob.glob(os.path.join(BENCH, "history", f"*-{part}.tsv")))
    if not files:
        return None, collections.defaultdict(lambda: "nan")
    path = files[-1]
    return path, collections.defaultdict(lambda: "nan", (l.rstrip("\n").split("\t", 1) for l in open(path) if "\t" in l))


def num(r, k):
    try:
        return float(r[k])
    except ValueError:
        return float("nan")


rows = []


def row(target, figure, wanted, met):
    mark = "not measured" if met is None else ("met" if met else "**not met**")
    rows.append(f"| {target} | {figure} | {wanted} | {mark} |")


def ratio_row(target, r, key, ref, wanted, limit, above=True, unit=""):
    if key not in r or ref not in r:
        row(target, "not measured", wanted, None)
        return
    v = num(r, key) / num(r, ref)
    row(target, f"{v:.2f} ({num(r, key):,.2f}{unit} / {num(r, ref):,.2f}{unit})", wanted, v >= limit if above else v <= limit)


core_path, c = latest("core")
scale_path, s = latest("scale")
latency_path, lat = latest("latency")

ratio_row("1. `GET /api/me` vs bare hello, embedded store (req/s)", c, "rps_auth", "rps_hello", ">= 0.6", 0.6)
ratio_row("1. `GET /api/me` vs bare hello, Redis (req/s)", c, "rps_redis", "rps_hello", ">= 0.4", 0.4)
if "p99_auth" in c:
    row("1. p99 of `GET /api/me` at half the peak rate", f"{num(c, 'p99_auth'):.2f} ms", "< 5 ms", num(c, "p99_auth") < 5)
else:
    row("1. p99 of `GET /api/me` at half the peak rate", "not measured", "< 5 ms", None)
for store, label in (("redis", "Redis pub/sub"), ("postgres", "PostgreSQL LISTEN/NOTIFY")):
    key = f"latency_{store}_p50"
    if key in lat:
        row(f"1. Revocation latency across two instances under load, {label} (median / p99)",
            f"{num(lat, key):.1f} ms / {num(lat, f'latency_{store}_p99'):.1f} ms", "< 50 ms", num(lat, f"latency_{store}_p99") < 50)
    else:
        row(f"1. Revocation latency across two instances under load, {label}", "not measured", "< 50 ms", None)
ratio_row("2. Start-up to /health UP, `java -jar`, vs bare hello (s)", c, "startup_gh", "startup_hello", "<= 2.5", 2.5, above=False, unit=" s")
ratio_row("2. Start-up, extracted jar + CDS archive (JDK 17), vs bare hello (s)", c, "startup_fast", "startup_hello", "<= 1.5", 1.5, above=False, unit=" s")
if "startup_aot" in c:
    ratio_row("2. Start-up, extracted jar + AOT cache (JDK 25), vs bare hello on JDK 17 (s)", c, "startup_aot", "startup_hello", "<= 1.5", 1.5, above=False, unit=" s")
if "startup_cli" in c:
    row("2. A CLI command that touches the database, `java -jar`" + (f" (with the CDS archive: {num(c, 'startup_cli_cds'):.2f} s)" if "startup_cli_cds" in c else ""),
        f"{num(c, 'startup_cli'):.2f} s", "<= 3 s", num(c, "startup_cli") <= 3)
else:
    row("2. A CLI command that touches the database", "not measured", "<= 3 s", None)
if "rss_launcher" in c:
    row("3. RSS after 10,000 logins, through bin/gatehouse", f"{num(c, 'rss_launcher'):.0f} MB", "<= 350 MB", num(c, "rss_launcher") <= 350)
else:
    row("3. RSS after 10,000 logins, through bin/gatehouse", "not measured", "<= 350 MB", None)
if "rss_plain" in c:
    ratio_row("3. RSS after the same load, `java -jar`, vs bare hello (MB)", c, "rss_plain", "rss_hello", "<= 1.5", 1.5, above=False, unit=" MB")
elif "rss_default" in c:
    row("3. RSS after 10,000 logins, `java -jar`, vs bare hello", f"{c['rss_default']} MB (hello not measured)", "<= 1.5", None)
else:
    row("3. RSS after the same load, `java -jar`, vs bare hello", "not measured", "<= 1.5", None)
ratio_row("4. Successful logins/s vs the same threads only hashing, 220,000 rounds", c, "login_rate", "hash_threads_rate", ">= 0.9", 0.9)
if "login_cpu_ms" in c:
    ratio_row("4. (same, in CPU) CPU per hash vs the server's CPU per login, 220,000 rounds (ms; the client's CPU not counted)", c,
              "hash_cpu_ms", "login_cpu_ms", "(>= 0.9)", 0.9, unit=" ms")
if "phase_times" in c:
    total = int(c["phase_times"].rsplit(" ", 1)[1])
    split = c["phase_times_complete"] != "no"
    row("5. `bench/run.sh` (core) on 2 cores", f"{total / 60:.1f} min" + ("" if split else " (core and scale in one run)"), "<= 15 min", split and total <= 900)
else:
    row("5. `bench/run.sh` (core) on 2 cores", "not measured", "<= 15 min", None)
for rounds in ("25000", "220000"):
    key = f"hash_cpu_ratio_{rounds}"
    if key in c:
        row(f"(issue 9) PBKDF2-SHA512 {int(rounds):,} rounds, Gatehouse vs OpenSSL (hashes per CPU-s)", f"{num(c, key):.2f}", ">= 0.9", num(c, key) >= 0.9)
n = s["scale_users"] if s["scale_users"].isdigit() else "1000000"
for key, ref, label in ((f"scale_p50_{n}", "scale_p50_1000", "login p50"), (f"scale_me_p50_{n}", "scale_me_p50_1000", "`GET /api/me` p50")):
    ratio_row(f"(issue 9) {label} with {int(n):,} users and sessions vs 1,000", s, key, ref, "<= 1.2", 1.2, above=False, unit=" ms")
if f"scale_search_p99_{n}" in s:
    row(f"(issue 9) Admin user search p99 with {int(n):,} users", f"{num(s, f'scale_search_p99_{n}'):.1f} ms", "< 50 ms", num(s, f"scale_search_p99_{n}") < 50)
if "cleanup_ms" in s:
    row("(issue 9) Clean-up of 1,000,000 expired sessions on PostgreSQL", f"{num(s, 'cleanup_ms') / 1000:.1f} s", "< 60 s", num(s, "cleanup_ms") < 60000)
    row("(issue 9) Longest login during the clean-up", f"{num(s, 'cleanup_login_max'):.0f} ms", "< 1000 ms", num(s, "cleanup_login_max") < 1000)


def source(path, r, part):
    if path is None:
        return f"no complete `{part}` run recorded yet"
    report = path[:-len(".tsv")] + ".md"
    note = f"; {r['note']}" if "note" in r else ""
    return f"{r['date']}, commit {r['commit']}, load average {r['load_start']} at its start ([{os.path.basename(report)}]({os.path.relpath(report, BENCH)})){note}"


head = f"""# Benchmark results

<!-- The table below is written by bench/current.py from the latest complete runs in bench/history/; edit the script, not the table. -->

## Current figures (issue 18's targets)

- Core (`bench/run.sh`): {source(core_path, c, "core")}
- Scale (`bench/run.sh scale`): {source(scale_path, s, "scale")}
- Revocation latency (`bench/latency.sh`): {source(latency_path, lat, "latency")}

| Target | Figure | Wanted | Met |
|---|---|---|---|
""" + "\n".join(rows) + "\n\n"

text = open(RESULTS).read() if os.path.exists(RESULTS) else ""
# the hand-written explanation of the unmet targets ("## What is left") and the history below it are kept as they are
start = next((text.index(h) for h in ("## What is left", "## History") if h in text), None)
tail = text[start:] if start is not None else "## History\n\nEvery complete run: bench/history/.\n"
open(RESULTS, "w").write(head + tail)
if "-q" not in sys.argv:
    print(head)
