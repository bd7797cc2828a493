"""The detailed table of one bench/run.sh run (core or scale) from its key<TAB>value results file.

Usage: python3 bench/report.py RESULTS_TSV   (bench/run.sh runs it; bench/history/*.tsv can be re-read with it)
A phase that failed leaves its keys out: its rows print nan and fail their target.
"""
import collections
import sys

r = collections.defaultdict(lambda: "nan", (l.rstrip("\n").split("\t", 1) for l in open(sys.argv[1]) if "\t" in l))
has = lambda *keys: all(k in r for k in keys)
runs, cores, threads, logins = r["runs"], int(r["cores"]), int(r["threads"]), int(r["logins"])


def f(k):
    try:
        return float(r[k])
    except ValueError:
        return float("nan")


rows = []


def row(name, value, ref, ratio, target, ok):
    rows.append(f"| {name} | {value} | {ref} | {ratio} | {target} | {'' if ok is None else ('yes' if ok else '**no**')} |")


def core():
    for rounds in ("25000", "220000"):
        c = f(f"hash_cpu_ratio_{rounds}"); w = f(f"hash_wall_ratio_{rounds}")
        n = r["hash_runs"] if has("hash_runs") else "5"
        row(f"PBKDF2-SHA512 {int(rounds):,} rounds, Gatehouse vs OpenSSL (hashes per CPU-s, medians of {n} runs measured in turn, ratio the median of the {n} run-by-run ratios; wall-clock JMH in brackets)",
            f"{r[f'hash_cpu_gh_{rounds}']} ({r[f'hash_wall_gh_{rounds}']})", f"{r[f'hash_cpu_openssl_{rounds}']} ({r[f'hash_wall_openssl_{rounds}']})",
            f"{c:.2f} ({w:.2f})", ">= 0.9", c >= 0.9)
    h = f("rps_hello")
    row("Baseline `GET /hello` req/s (wrk -t2 -c32)", f"{h:,.0f}", "", "1.00", "", None)
    row(f"Gatehouse authenticated `GET {r['auth_path']}` req/s, JDBC (H2) sessions", f"{f('rps_auth'):,.0f}", f"{h:,.0f}", f"{f('rps_auth')/h:.2f}", ">= 0.6", f('rps_auth') / h >= 0.6)
    row(f"Gatehouse authenticated `GET {r['auth_path']}` req/s, Redis sessions", f"{f('rps_redis'):,.0f}", f"{h:,.0f}", f"{f('rps_redis')/h:.2f}", ">= 0.4", f('rps_redis') / h >= 0.4)
    for t, name, target in (("hello", "baseline /hello", None), ("auth", "authenticated, JDBC", 5)):
        row(f"p99 latency at half the peak rate, {name}: {r['halfrate_' + t]} req/s asked, {f('halfrate_got_' + t):,.0f} sent (wrk p99 at full load in brackets)",
            f"{f('p99_' + t):.2f} ms ({r['wrkp99_' + t]} ms)", "", "", "< 5 ms" if target else "", None if target is None else f('p99_' + t) < target)
    single = f("hash_cpu_gh_220000")
    lr, hr = f("login_rate"), f("hash_threads_rate")
    row(f"Successful logins/s at 220,000 rounds, {threads} client threads (p50 {r['login_p50']} ms) vs {threads} threads only hashing",
        f"{lr:.2f}", f"{hr:.2f}", f"{lr/hr:.2f}", ">= 0.9", lr / hr >= 0.9)
    row(f"  same logins/s vs cores x single-thread rate per CPU-second ({cores} x {single})", f"{lr:.2f}", f"{cores*single:.2f}", f"{lr/(cores*single):.2f}", "(>= 0.9)", lr / (cores * single) >= 0.9)
    if has("login_cpu_ms", "hash_cpu_ms"):
        # the client shares the cores: logins/s counts its CPU against the server; the server's own CPU per login does not
        lc, hc = f("login_cpu_ms"), f("hash_cpu_ms")
        row(f"  server CPU per login vs CPU per hash of the hashing threads, ms (rounds: {r['login_cpu_ms_all']}; of it the request threads {r['login_request_cpu_ms']} ms; the client used {r['login_client_cpu']} CPU-s per round)",
            f"{lc:.1f}", f"{hc:.1f}", f"{hc/lc:.2f}", "(>= 0.9)", hc / lc >= 0.9)
    if not has("startup_gh"):
        row("Start-up: bench/startup.sh recorded no startup_gh / startup_hello; its own table is below", "", "", "", "<= 2.5", None)
    sg, sh = f("startup_gh"), f("startup_hello")
    if has("startup_gh"):
        runs_note = f" (runs: Gatehouse {r['startup_gh_all']}; baseline {r['startup_hello_all']})" if has("startup_gh_all") else " (bench/startup.sh)"
        row(f"Start-up to /health UP, s, `java -jar`{runs_note}", f"{sg:.2f}", f"{sh:.2f}", f"{sg/sh:.2f}", "<= 2.5", sg / sh <= 2.5)
    if has("startup_fast"):
        row("Start-up, extracted jar with the CDS archive / AOT cache, s (bench/startup.sh)", f"{f('startup_fast'):.2f}", f"{sh:.2f}", f"{f('startup_fast')/sh:.2f}", "<= 1.5", f('startup_fast') / sh <= 1.5)
    if has("startup_cli"):
        row("A CLI command that touches the database, s (bench/startup.sh)", f"{f('startup_cli'):.2f}", "", "", "<= 3 s", f('startup_cli') <= 3)
    if has("rss_plain"):  # bench/memory.sh
        if has("rss_launcher"):
            row("RSS after the logins, through bin/gatehouse (bench/memory.sh)", f"{f('rss_launcher'):.0f} MB", "", "", "<= 350 MB", f('rss_launcher') <= 350)
        row("RSS after the logins, `java -jar`, vs the bare hello after the same load (bench/memory.sh)", f"{f('rss_plain'):.0f} MB", f"{f('rss_hello'):.0f} MB",
            f"{f('rss_plain')/f('rss_hello'):.2f}", "<= 1.5", f('rss_plain') / f('rss_hello') <= 1.5)
    elif not has("rss_default"):
        row("Memory: bench/memory.sh recorded no rss_plain / rss_hello; its own table is below", "", "", "", "", None)
    else:
        for v, name, target in (("default", "default JVM settings", "< 350 MB"), ("xmx256", "-Xmx256m", "no errors")):
            num = lambda k: int(r[k]) if r[k].isdigit() else -1
            ok_n, failed = num(f"mem_{v}_ok"), num(f"mem_{v}_failed")
            good = (f(f"rss_{v}") < 350) if v == "default" else (failed == 0 and ok_n >= logins and "mem_xmx256_died" not in r and "mem_xmx256_oom" not in r)
            row(f"RSS after {logins:,} logins at 1,000 rounds, {name}, both servers loaded concurrently ({ok_n:,} ok, {failed} failed, {f(f'mem_{v}_rate'):.0f}/s; peak RSS {r[f'hwm_{v}']} MB, idle {r[f'rss_{v}_idle']} MB)",
                f"{r[f'rss_{v}']} MB", "", "", target, good)


def scale():
    n = r["scale_users"] if r["scale_users"].isdigit() else "1000000"
    row(f"Login latency, 1 thread, 1,000 rounds: p50 / p99 with {int(n):,} users and {int(n):,} live sessions", f"{r['scale_p50_' + n]} / {r['scale_p99_' + n]} ms", f"{r['scale_p50_1000']} / {r['scale_p99_1000']} ms (1,000 users)",
        f"{f('scale_p50_' + n)/f('scale_p50_1000'):.2f}", "<= 1.2 (p50)", f('scale_p50_' + n) / f('scale_p50_1000') <= 1.2)
    row(f"`GET /api/me` latency at 50 req/s: p50 / p99 with {int(n):,} users and sessions", f"{r['scale_me_p50_' + n]} / {r['scale_me_p99_' + n]} ms", f"{r['scale_me_p50_1000']} / {r['scale_me_p99_1000']} ms (1,000 users)",
        f"{f('scale_me_p50_' + n)/f('scale_me_p50_1000'):.2f}", "<= 1.2 (p50)", f('scale_me_p50_' + n) / f('scale_me_p50_1000') <= 1.2)
    row(f"Admin user search (`/admin/users/?q=bench-424x`, email prefix) p99 at 20 req/s with {int(n):,} users", f"{r['scale_search_p99_' + n]} ms", f"{r['scale_search_p99_1000']} ms (1,000 users)", "", "< 50 ms", f('scale_search_p99_' + n) < 50)
    if has("cleanup_sessions"):
        done = r["cleanup_ms"] not in ("", "nan")
        cn = r["cleanup_sessions"]
        row(f"Clean-up of {int(cn) if cn.isdigit() else 0:,} expired sessions on PostgreSQL (expired-sessions task, batches of 10,000; {r['cleanup_removed'] or 'none'} removed)",
            f"{f('cleanup_ms')/1000:.1f} s" if done else "unfinished", "", "", "< 60 s", done and f('cleanup_ms') < 60000 and int(r['cleanup_removed'] or 0) >= int(cn or 0))
        row(f"  longest login meanwhile (1 client logging in without pause for {r['cleanup_probe_secs']} s; p99 {r['cleanup_login_p99']} ms, {r['cleanup_login_failed']} failed)", f"{r['cleanup_login_max']} ms", "", "", "< 1000 ms", f('cleanup_login_max') < 1000)


core() if r["part"] == "core" else scale()
total = int(r["phase_times"].rsplit(" ", 1)[1])
is_core, quick = r["part"] == "core", r["quick"] == "1"
row(f"This run (`bench/run.sh{'' if is_core else ' scale'}`{', QUICK=1' if quick else ''}), minutes", f"{total/60:.1f}", "", "", "<= 15" if is_core else "", (total <= 900) if is_core and not quick else None)
print("| Measure | Gatehouse | Reference | Ratio | Target | Met |")
print("|---|---:|---:|---:|---:|:---:|")
print("\n".join(rows))
print()
if is_core:
    print(f"Medians of {runs} runs. All runs (req/s): baseline {r['rps_hello_all']}; JDBC {r['rps_auth_all']}; Redis {r['rps_redis_all']}. "
          f"Logins/s {r['login_rate_all']} vs {threads}-thread hashes/s {r['hash_threads_all']}. p99 at half rate (ms): JDBC {r['p99_auth_all']}. Phases (s): {r['phase_times']}.")
else:
    print(f"Medians of {runs} runs. Phases (s): {r['phase_times']}.")
