#!/usr/bin/env bash
# Gatehouse performance suite (issues 9 and 18). Two parts:
#
#   bench/run.sh           the core ratios, within 15 minutes on 2 cores: hashing vs OpenSSL, authenticated GET /api/me
#                          vs a bare Spring Boot hello (embedded store and Redis), p99 at half the peak rate, a JFR
#                          profile of that load, successful logins/s vs the same threads only hashing (and the server's
#                          CPU per login vs the CPU per hash), start-up, memory. Expected on 2 quiet cores: about 14
#                          minutes (setup 10 s, hashing 90, start-up 180, throughput 235, JFR 12, logins 80, memory 235:
#                          the 2026-11-30 06:54 phases less the shorter rounds; start-up and memory are bench/startup.sh
#                          and bench/memory.sh)
#   bench/run.sh scale     1,000 vs 1,000,000 users and live sessions (login, /api/me, admin search), and the clean-up
#                          of 1,000,000 expired sessions on PostgreSQL while a client logs in (about 12 minutes)
#   QUICK=1 bench/run.sh [scale]   smoke run (1 repetition, short durations, 1,000 logins, 20,000 users)
#
# Start-up and memory: bench/startup.sh and bench/memory.sh measure them when present (run.sh calls them with QUICK
# and BENCH_RESULTS=<file>; they add key<TAB>value lines to it: startup_hello, startup_gh, startup_fast, startup_cli;
# rss_launcher, rss_plain, rss_hello), else run.sh measures them itself as in the first round.
#
# A complete run (not QUICK) writes its report to bench/history/<date>-<part>.md and its figures to
# bench/history/<date>-<part>.tsv, then bench/current.py rewrites the table at the top of bench/RESULTS.md from the
# latest core and scale figures. A QUICK=1 run only prints its report and leaves it in bench/target/run-logs/.
# Everything listens on 127.0.0.1 only; every process started here is stopped on exit (trap EXIT).
# Builds with `mvn -B -q -DskipTests package` when a jar is missing. Needs java 17+, wrk, redis-server, python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
QUICK=${QUICK:-0}
PART=${1:-core}
[[ $PART == core || $PART == scale ]] || { echo "usage: bench/run.sh [scale]" >&2; exit 2; }
JAR=gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar
HELLO=bench/target/gatehouse-bench-0.1.0-SNAPSHOT-hello.jar
BJ=bench/target/benchmarks.jar
JVM_FLAGS=${JVM_FLAGS:-}            # the same for Gatehouse and the baseline; empty = JVM defaults
PASSWORD='velvet-canyon-drum-91'
EMAIL=bench@example.org
CORES=$(nproc)
THREADS=$((CORES * 2))              # login concurrency (>= cores)
if [[ $QUICK == 1 ]]; then
  RUNS=1; DUR=5; WARM=3; WARM_GH=10; WARM_FULL=3; LOGIN_SECS=8; HASH_SECS=5; LOGIN_WARM=10; LOGINS=1000
  SCALE_USERS=20000; JFR_SECS=10; SCALE_SECS=3; JMH_ARGS="-f 1 -wi 1 -i 1 -w 2s -r 3s"; HASH_RUNS=1
else
  # within 15 minutes on 2 cores (issue 18 item 5): 16.0 min with DUR=8, WARM_GH=50, 10 s hashing rounds, 40 s of
  # login warm-up, JFR_SECS=15 and HASH_RUNS=5 (2026-11-30 06:54); these save about 2 minutes. The hashing
  # reference's 3 rounds agreed within 0.1 %, the CPU-time hashing ratio within 0.01 over 5 runs.
  RUNS=3; DUR=6; WARM=15; WARM_GH=40; WARM_FULL=8; LOGIN_SECS=10; HASH_SECS=5; LOGIN_WARM=30; LOGINS=10000
  SCALE_USERS=1000000; JFR_SECS=10; SCALE_SECS=5; JMH_ARGS="-f 1 -wi 1 -i 3 -w 3s -r 3s"; HASH_RUNS=3
fi
WRK="wrk -t2 -c32 -d${DUR}s --latency"

[[ -f $JAR && -f $HELLO && -f $BJ ]] || mvn -B -q -DskipTests package

WORK=$(mktemp -d /tmp/gatehouse-bench.XXXXXX)
RES=$WORK/results        # key<TAB>value lines, formatted at the end
CMDS=$WORK/commands      # the exact commands (secret redacted)
: >"$RES"; : >"$CMDS"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  # keep the logs and the JFR recording for inspection; drop the databases
  rm -rf bench/target/run-logs; mkdir -p bench/target/run-logs
  cp "$WORK"/*.log "$WORK"/*.txt "$WORK"/*.jfr "$WORK"/results bench/target/run-logs/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
put() { printf '%s\t%s\n' "$1" "$2" >>"$RES"; }
cmd() { grep -qxF -- "$*" "$CMDS" || printf '%s\n' "$*" >>"$CMDS"; }
median() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f"{statistics.median(v):.6g}" if v else "nan")' "$@"; }
# four distinct free loopback ports (bound together, so they differ)
free_ports() { python3 -c 'import socket; s=[socket.socket() for _ in range(4)]; [x.bind(("127.0.0.1",0)) for x in s]; print(*[x.getsockname()[1] for x in s])'; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }  # field KEY "k=v k=v" -> v
# the datasource option: the data directory's H2 file, or $PG_URL (PostgreSQL, user postgres) when set
h2_url() { echo "jdbc:h2:file:$1/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"; }  # h2_url DIR
ds() { if [[ -n ${PG_URL:-} ]]; then echo "--spring.datasource.url=$PG_URL --spring.datasource.username=postgres"
       else echo "--spring.datasource.url=$(h2_url "$1");AUTO_SERVER=TRUE"; fi; }
redact() { sed "s/$SECRET/<secret>/g; s#$WORK#\$WORK#g"; }

LAST_PID=
# start_gh NAME DIR PORT [JVM options]: Gatehouse in the background (log in $WORK/NAME.log); app options in $GH_ARGS
start_gh() {
  local name=$1 dir=$2 port=$3; shift 3
  # shellcheck disable=SC2086
  java $JVM_FLAGS "$@" -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" --gatehouse.data-directory="$dir" \
    $(ds "$dir") --gatehouse.secret-key="$SECRET" ${GH_ARGS:-} >"$WORK/$name.log" 2>&1 &
  LAST_PID=$!; PIDS+=("$LAST_PID")
  cmd "$(echo "java $JVM_FLAGS $* -jar $JAR --server.address=127.0.0.1 --server.port=PORT --gatehouse.data-directory=DIR $(ds DIR) --gatehouse.secret-key=<secret> ${GH_ARGS:-}" | tr -s ' ')"
}
start_hello() {
  local port=$1; shift
  # shellcheck disable=SC2086
  java $JVM_FLAGS "$@" -jar "$HELLO" --server.address=127.0.0.1 --server.port="$port" >"$WORK/hello.log" 2>&1 &
  LAST_PID=$!; PIDS+=("$LAST_PID")
  cmd "$(echo "java $JVM_FLAGS $* -jar $HELLO --server.address=127.0.0.1 --server.port=PORT" | tr -s ' ')"
}
stop() {
  kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true
  local keep=() p; for p in "${PIDS[@]}"; do [[ $p == "$1" ]] || keep+=("$p"); done; PIDS=("${keep[@]}")
}
# wait_up PORT PID: seconds from now until /health says UP (fails after 180 s or if the process dies)
wait_up() {
  local t0 now; t0=$(date +%s.%N)
  for _ in $(seq 1 1800); do
    if curl -s -m 2 "http://127.0.0.1:$1/health" 2>/dev/null | grep -q '"UP"'; then
      now=$(date +%s.%N); python3 -c "print(f'{$now - $T_LAUNCH:.2f}')"; return 0
    fi
    kill -0 "$2" 2>/dev/null || { log "process $2 (port $1) died; logs in bench/target/run-logs/"; grep -l "PID $2 " "$WORK"/*.log | xargs -r tail -n 30 >&2; return 1; }
    sleep 0.05
  done
  log "port $1 not UP after 180 s"; return 1
}
launch_time() { T_LAUNCH=$(date +%s.%N); }
create_user() {  # create_user DIR [extra args]
  local dir=$1; shift
  # shellcheck disable=SC2046
  echo "$PASSWORD" | java -jar "$JAR" users create "$EMAIL" --confirmed --gatehouse.data-directory="$dir" $(ds "$dir") \
    --gatehouse.secret-key="$SECRET" "$@" >>"$WORK/cli-$(basename "$dir").log" 2>&1 || { cat "$WORK/cli-$(basename "$dir").log" >&2; return 1; }
  cmd "echo '$PASSWORD' | java -jar $JAR users create $EMAIL --confirmed --gatehouse.data-directory=DIR $(ds DIR) --gatehouse.secret-key=<secret> $*"
}
lg() { java -cp "$BJ" org.gatehouse.bench.LoadGen "$@"; }
status() { curl -s -o /dev/null -w '%{http_code}' -m 10 ${2:+-H "Cookie: gatehouse_session=$2"} "$1"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
proc_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }  # utime + stime of a process, clock ticks
# utime + stime of a process's request threads (Tomcat's http-nio-*-exec-*), clock ticks
request_ticks() { local t s=0; for t in /proc/$1/task/*; do [[ $(cat "$t/comm" 2>/dev/null) == http-nio* ]] || continue
  s=$((s + $(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}'))); done; echo "$s"; }

LOAD_START=$(uptime | sed 's/.*load average: //')
PHASE_T0=$(date +%s); PHASES=""; RUN_T0=$PHASE_T0
phase() { local now; now=$(date +%s); PHASES+="$1 $((now - PHASE_T0)), "; PHASE_T0=$now; }  # seconds per phase
START_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
log "work dir $WORK; load average $LOAD_START; QUICK=$QUICK; part: $PART"
read -r HP GP RP GRP < <(free_ports)

# PostgreSQL for the clean-up measurement (5b)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGD=$WORK/pg; PGP=$(free_ports | cut -d' ' -f1); P=$WORK/gh-pg; PG_GATEHOUSE_URL=jdbc:postgresql://127.0.0.1:$PGP/gatehouse
PG_STOP() { [[ -n $PG_BIN && -f $PGD/data/postmaster.pid ]] && as_pg "$PG_BIN/pg_ctl" -D "$PGD/data" -m fast -w stop >/dev/null 2>&1 || true; }
trap 'PG_STOP; cleanup' EXIT
pg_start() { as_pg "$PG_BIN/pg_ctl" -D "$PGD/data" -l "$PGD/postgres.log" -o "-p $PGP -k $PGD -c listen_addresses=127.0.0.1" -w start >/dev/null; }
pg_prepare() {  # runs in the background at the lowest CPU priority, and so does the server it starts
  renice -n 19 "$BASHPID" >/dev/null
  # the server runs as user postgres when this script runs as root: it must reach its directory
  mkdir -p "$PGD"; if [[ $(id -u) == 0 ]]; then chmod 711 "$WORK"; chown postgres "$PGD"; fi
  as_pg "$PG_BIN/initdb" -D "$PGD/data" -A trust -U postgres >"$WORK/pg-initdb.log" 2>&1
  pg_start
  psql -q -h 127.0.0.1 -p "$PGP" -U postgres -c 'create database gatehouse'
  mkdir -p "$P"
  PG_URL=$PG_GATEHOUSE_URL create_user "$P" "$LOW"   # migrates the schema
  t0=$(date +%s)
  psql -q -h 127.0.0.1 -p "$PGP" -U postgres gatehouse >"$WORK/pg-gen.log" 2>&1 <<SQL
insert into spring_session select 'e' || lpad(x::text, 35, '0'), 'E' || lpad(x::text, 35, '0'), 0, 0, 1800, 1000,
  'bench-' || x || '@example.org' from generate_series(1, $SCALE_USERS) x;
insert into spring_session_attributes select 'e' || lpad(x::text, 35, '0'), 'SPRING_SECURITY_CONTEXT',
  decode(repeat('00', 200), 'hex') from generate_series(1, $SCALE_USERS) x;
SQL
  echo "$SCALE_USERS expired sessions generated in PostgreSQL in $(( $(date +%s) - t0 )) s" >"$WORK/pg-gen.txt"
}
# ---------------------------------------------------------------- data directories
log "creating users (CLI) and data directories"
A=$WORK/gh-a; L=$WORK/gh-low
mkdir -p "$A" "$L"
LOW=--gatehouse.passwords.rounds.pbkdf2_sha512=1000
# an administrator for the user-search measurement (scale)
ADMIN=admin@example.org
if [[ $PART == core ]]; then
  create_user "$A" & c1=$!
  create_user "$L" "$LOW" & c2=$!
  wait "$c1"; wait "$c2"
  cp -r "$L" "$WORK/gh-low-256"
  # an H2 file holds one server's sessions; the Redis instance gets its own copy of the user database
  cp -r "$A" "$WORK/gh-r"
else
  create_user "$L" "$LOW" && EMAIL=$ADMIN create_user "$L" "$LOW" --role admin
  # 1,000 users for the scale comparison (the bench user + 999 generated, all with its password hash)
  SCALE_JDBC=$(h2_url "$L")
  gen=$(java -cp "$BJ" org.gatehouse.bench.UserGenerator "$SCALE_JDBC" 1000 "$EMAIL"); put gen_1000 "$gen"
  # The 1,000,000 users and live sessions (a copy of the 1,000-user H2 file) and the clean-up's 1,000,000 expired
  # sessions (PostgreSQL) are generated side by side, at the lowest CPU priority (nice 19).
  S=$WORK/gh-scale; cp -r "$L" "$S"
  SCALE_BIG_JDBC=$(h2_url "$S")
  { renice -n 19 "$BASHPID" >/dev/null; java -cp "$BJ" org.gatehouse.bench.UserGenerator "$SCALE_BIG_JDBC" "$SCALE_USERS" "$EMAIL" \
      && java -cp "$BJ" org.gatehouse.bench.SessionGenerator "$SCALE_BIG_JDBC" "$SCALE_USERS" live; } >"$WORK/gen.txt" 2>"$WORK/gen.err" &
  GEN=$!
  PG_PREP=
  if [[ -n $PG_BIN ]]; then pg_prepare >"$WORK/pg-prepare.log" 2>&1 & PG_PREP=$!; fi
  log "waiting for the generators"
  wait "$GEN" || { log "data generation failed: $(cat "$WORK/gen.err")"; exit 1; }
  while read -r line; do log "  $line"; done <"$WORK/gen.txt"
  put "gen_$SCALE_USERS" "$(head -1 "$WORK/gen.txt")"
  if [[ -n $PG_PREP ]]; then wait "$PG_PREP" || { log "PostgreSQL preparation failed; see bench/target/run-logs/pg-*.log"; exit 1; }; log "  $(cat "$WORK/pg-gen.txt")"; fi
fi
phase "setup"
# ---------------------------------------------------------------- 1. hashing
phase_hashing() {
log "1. hashing (bench/hash-bench.sh, JMH_ARGS=$JMH_ARGS)"
JMH_ARGS="$JMH_ARGS" HASH_RUNS=$HASH_RUNS bench/hash-bench.sh >"$WORK/hash.md"
cmd "JMH_ARGS='$JMH_ARGS' HASH_RUNS=$HASH_RUNS bench/hash-bench.sh"
# the two tables: wall clock (JMH) then CPU time; column 3 = Gatehouse, 5 = Gatehouse/OpenSSL
python3 - "$WORK/hash.md" >>"$RES" <<'PY'
import sys, re
tables, cur = [], None
for line in open(sys.argv[1]):
    if line.startswith("| rounds"): cur = []; tables.append(cur)
    elif cur is not None and re.match(r"\| [0-9,]+ \|", line):
        cur.append([c.strip() for c in line.strip().strip("|").split("|")])
for name, t in zip(("wall", "cpu"), tables):
    for row in t:
        r = row[0].replace(",", "")
        print(f"hash_{name}_gh_{r}\t{row[2].split()[0]}")
        print(f"hash_{name}_openssl_{r}\t{row[3]}")
        print(f"hash_{name}_ratio_{r}\t{row[4]}")
PY
phase "1. hashing"
}
# ---------------------------------------------------------------- hooks: bench/startup.sh, bench/memory.sh
# hook NAME: runs bench/NAME.sh when present (its table goes into the report, its key<TAB>value lines into the
# results); returns 1 when there is no such script, so that the caller measures inline instead
hook() {
  local script=bench/$1.sh
  [[ -x $script ]] || return 1
  log "bench/$1.sh (QUICK=$QUICK)"
  local rc=0
  # shellcheck disable=SC2086
  env QUICK="$QUICK" BENCH_RESULTS="$RES" ${2:-} "$script" >"$WORK/$1.md" 2>"$WORK/$1.log" || rc=$?
  if [[ $rc != 0 ]]; then
    log "  bench/$1.sh failed (exit $rc); its log: bench/target/run-logs/$1.log"
    echo "bench/$1.sh failed (exit $rc); see its log" >>"$WORK/wrk-errors"
  fi
  cmd "QUICK=$QUICK BENCH_RESULTS=<results> ${2:+$2 }bench/$1.sh"
  return 0
}
# ---------------------------------------------------------------- 4a. start-up time
phase_startup() {
hook startup && { phase "4a. start-up (bench/startup.sh)"; return; }
log "4a. start-up: $RUNS starts of each, interleaved"
hs=(); gs=()
for i in $(seq 1 "$RUNS"); do
  launch_time; start_hello "$HP"; pid=$LAST_PID; hs+=("$(wait_up "$HP" "$pid")"); stop "$pid"
  launch_time; start_gh start "$A" "$GP"; pid=$LAST_PID; gs+=("$(wait_up "$GP" "$pid")"); stop "$pid"
  log "  start $i: hello ${hs[-1]} s, gatehouse ${gs[-1]} s"
done
put startup_hello "$(median "${hs[@]}")"; put startup_gh "$(median "${gs[@]}")"
put startup_hello_all "${hs[*]}"; put startup_gh_all "${gs[*]}"
phase "4a. start-up"
}
# ---------------------------------------------------------------- 2. throughput
phase_throughput() {
log "2. throughput: starting hello, Gatehouse (JDBC sessions), redis-server and Gatehouse (Redis sessions)"
redis-server --bind 127.0.0.1 --port "$RP" --save '' --appendonly no >"$WORK/redis-server.log" 2>&1 &
REDIS_PID=$!; PIDS+=("$REDIS_PID")
cmd "redis-server --bind 127.0.0.1 --port PORT --save '' --appendonly no"
launch_time; start_hello "$HP"; HELLO_PID=$LAST_PID
launch_time; start_gh jdbc "$A" "$GP"; GH_PID=$LAST_PID
launch_time; GH_ARGS=--gatehouse.session.redis-url=redis://127.0.0.1:$RP start_gh gh-redis "$WORK/gh-r" "$GRP"; GHR_PID=$LAST_PID
cmd "(Redis instance adds) --gatehouse.session.redis-url=redis://127.0.0.1:PORT"
wait_up "$HP" "$HELLO_PID" >/dev/null; wait_up "$GP" "$GH_PID" >/dev/null; wait_up "$GRP" "$GHR_PID" >/dev/null
COOKIE=$(lg cookie "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD")
COOKIE_R=$(lg cookie "http://127.0.0.1:$GRP" "$EMAIL" "$PASSWORD")
cmd "java -cp $BJ org.gatehouse.bench.LoadGen cookie http://127.0.0.1:PORT $EMAIL '$PASSWORD'   # one login, prints gatehouse_session"
AUTH=/api/me
if [[ $(status "http://127.0.0.1:$GP$AUTH" "$COOKIE") != 200 ]] \
   || ! curl -s -m 10 -o /dev/null -w '%{content_type}' -H "Cookie: gatehouse_session=$COOKIE" "http://127.0.0.1:$GP$AUTH" | grep -q json; then
  AUTH=/account/settings/sessions/
fi
put auth_path "$AUTH"
for p in "$GP $COOKIE" "$GRP $COOKIE_R"; do
  set -- $p
  [[ $(status "http://127.0.0.1:$1$AUTH" "$2") == 200 ]] || { log "authenticated $AUTH is not 200 on port $1"; exit 1; }
  [[ $(status "http://127.0.0.1:$1$AUTH") != 200 ]] || { log "$AUTH is 200 without a session on port $1?"; exit 1; }
done
[[ $(status "http://127.0.0.1:$GP/") == 200 ]] || { log "GET / is not 200"; exit 1; }
[[ $(curl -s "http://127.0.0.1:$HP/hello") == hello ]] || { log "baseline /hello broken"; exit 1; }
log "  authenticated path: $AUTH"
# A browser or SPA sends back the csrftoken cookie it was given; without it every response mints a new token.
with_csrf() { local t; t=$(curl -s -D - -o /dev/null -H "Cookie: gatehouse_session=$2" "$1" | tr -d '\r' | sed -n 's/^Set-Cookie: csrftoken=\([^;]*\).*/\1/p')
  echo "$2${t:+; csrftoken=$t}"; }
COOKIE=$(with_csrf "http://127.0.0.1:$GP$AUTH" "$COOKIE"); COOKIE_R=$(with_csrf "http://127.0.0.1:$GRP$AUTH" "$COOKIE_R")

declare -A URL HDR
URL[hello]="http://127.0.0.1:$HP/hello";      HDR[hello]=-
URL[auth]="http://127.0.0.1:$GP$AUTH";        HDR[auth]=$COOKIE
URL[redis]="http://127.0.0.1:$GRP$AUTH";      HDR[redis]=$COOKIE_R
TARGETS="hello auth redis"
wrk_run() {  # wrk_run TARGET DURATION_ARGS... -> prints requests/s; non-2xx/3xx and socket errors to $WORK/wrk-errors
  local t=$1; shift
  local h=() out
  [[ ${HDR[$t]} == - ]] || h=(-H "Cookie: gatehouse_session=${HDR[$t]}")
  out=$(wrk "$@" "${h[@]}" "${URL[$t]}")
  echo "$out" >>"$WORK/wrk-$t.txt"
  grep -E 'Non-2xx|Socket errors' <<<"$out" | sed "s/^/$t: /" >>"$WORK/wrk-errors" || true
  awk '/^Requests\/sec/ {print $2}' <<<"$out"
}
cmd "$WRK [-H 'Cookie: gatehouse_session=<from LoadGen cookie>'] URL   # URL: http://127.0.0.1:PORT/hello (baseline), $AUTH (authenticated; the Cookie header also carries the csrftoken cookie from the first answer, as a browser would)"
# The JIT needs minutes to compile Gatehouse's request path under full load on 2 cores: C2 inlines the whole filter
# chain into methods of 20-70 KB of machine code that take 1-2 s each to compile, and its one thread gets a 1/35
# share of the CPU next to 32 busy request threads. At 2 connections it gets half a core and is done within a minute
# (by hand, 2026-11-26: compile time flat after 40 s, then 7,300-7,400 req/s at full load against 2,300-4,600 after
# 90 s of warm-up at full load). So each server is warmed at 2 connections, then for a short while at full load
# (which compiles the paths only many connections take), one server at a time; the baseline the same way.
log "  warm-up, one server at a time: ${WARM}s (baseline) or ${WARM_GH}s (Gatehouse) at 2 connections, then ${WARM_FULL}s at 32"
for t in $TARGETS; do
  w=$WARM; [[ $t == hello ]] || w=$WARM_GH
  wrk_run "$t" -t1 -c2 -d"${w}s" >/dev/null
  wrk_run "$t" -t2 -c32 -d"${WARM_FULL}s" >/dev/null
done
cmd "wrk -t1 -c2 -d${WARM}s (baseline) or -d${WARM_GH}s (Gatehouse) URL; wrk -t2 -c32 -d${WARM_FULL}s URL   # warm-up of each server in turn, not counted"
declare -A RPS
for i in $(seq 1 "$RUNS"); do
  for t in $TARGETS; do RPS[$t]="${RPS[$t]:-} $(wrk_run "$t" -t2 -c32 -d"${DUR}s" --latency)"; done
  log "  round $i: hello/auth/redis req/s:$(for t in $TARGETS; do printf ' %s' "${RPS[$t]##* }"; done)"
done
for t in $TARGETS; do
  # shellcheck disable=SC2086
  put "rps_$t" "$(median ${RPS[$t]})"; put "rps_${t}_all" "${RPS[$t]# }"
  # "-" alone means no cookie; never strip a prefix: a session id starts with "-" in 1 of 64 logins (base64url),
  # and ${HDR#-} then sent a cookie without its first character (the 401 "seen once" after a QUICK=1 run)
  cookie=${HDR[$t]}; [[ $cookie == - ]] && cookie=
  code=$(status "${URL[$t]}" "$cookie")
  [[ $code == 200 ]] || { log "$t no longer answers 200 after the load but $code"; curl -s -D - -m 10 ${cookie:+-H "Cookie: gatehouse_session=$cookie"} "${URL[$t]}" >&2; exit 1; }
done
# wrk_p99s TARGET: the 99th percentile of each wrk run of TARGET so far, in milliseconds, one per line
wrk_p99s() { awk '/^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' "$WORK/wrk-$1.txt"; }
# wrk's latency at full load, for the record (median of the runs' p99)
for t in $TARGETS; do
  put "wrkp99_$t" "$(wrk_p99s "$t" | tail -n "$RUNS" | xargs python3 -c 'import statistics,sys; print(f"{statistics.median(map(float,sys.argv[1:])):.2f}")')"
done

log "  p99 at half the peak rate (wrk, 32 connections each pausing between requests: bench/half-rate.lua)"
for t in hello auth; do
  rate=$(python3 -c "print(max(1, int(float('$(grep -P "^rps_$t\t" "$RES" | cut -f2)') / 2)))")
  pause=$(python3 -c "print(max(1, round(32 * 1000 / $rate)))")   # wrk pauses in whole milliseconds
  p99s=(); got=()
  for i in $(seq 1 "$RUNS"); do
    out=$(WRK_DELAY_MS=$pause wrk_run "$t" -t2 -c32 -d"${DUR}s" --latency -s bench/half-rate.lua)
    got+=("$out"); p99s+=("$(wrk_p99s "$t" | tail -n 1)")
  done
  put "halfrate_$t" "$rate"; put "halfrate_got_$t" "$(median "${got[@]}")"; put "halfrate_pause_$t" "$pause"
  put "p99_$t" "$(median "${p99s[@]}")"; put "p99_${t}_all" "${p99s[*]}"
  log "  $t asked ~$rate/s (pause $pause ms), sent ${got[*]} req/s: p99 ${p99s[*]} ms"
done
cmd "WRK_DELAY_MS=<round(32000 / RATE)> wrk -t2 -c32 -d${DUR}s --latency -s bench/half-rate.lua [-H 'Cookie: ...'] URL   # RATE = median wrk req/s / 2"

phase "2. throughput"
# ---------------------------------------------------------------- 6. profile
log "6. JFR during ${JFR_SECS}s of authenticated load (JDBC store)"
JFR=$WORK/auth.jfr
jcmd "$GH_PID" JFR.start name=bench settings=profile >/dev/null
wrk -t2 -c32 -d"${JFR_SECS}s" -H "Cookie: gatehouse_session=$COOKIE" "${URL[auth]}" >"$WORK/wrk-jfr.txt"
jcmd "$GH_PID" JFR.stop name=bench filename="$JFR" >/dev/null
cmd "jcmd PID JFR.start name=bench settings=profile; wrk -t2 -c32 -d${JFR_SECS}s -H 'Cookie: ...' ${URL[auth]/$GP/PORT}; jcmd PID JFR.stop name=bench filename=auth.jfr"
jfr print --events jdk.ExecutionSample "$JFR" >"$WORK/samples.txt"
cmd "jfr print --events jdk.ExecutionSample auth.jfr | grep 'at ' | sort | uniq -c | sort -rn | head"
grep 'at ' "$WORK/samples.txt" | sed 's/line:.*//; s/^ *//' | sort | uniq -c | sort -rn | head -10 >"$WORK/hot-inclusive.txt" || true
# top-of-stack (self) frames: the first frame after each "stackTrace = ["
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$WORK/samples.txt" \
  | sort | uniq -c | sort -rn | head -10 >"$WORK/hot-self.txt" || true
SAMPLES=$(grep -c 'jdk.ExecutionSample' "$WORK/samples.txt" || true)
put jfr_samples "$SAMPLES"
# which library each sample's top frame is in
awk '/stackTrace = \[/ {getline; sub(/^ +/, ""); split($0, a, "."); print a[1] "." a[2] (a[3] ~ /^[a-z]/ ? "." a[3] : "")}' \
  "$WORK/samples.txt" | sort | uniq -c | sort -rn | head -8 >"$WORK/hot-packages.txt" || true

stop "$GHR_PID"; stop "$REDIS_PID"; stop "$HELLO_PID"
phase "6. JFR"
}
# ---------------------------------------------------------------- 3. login efficiency
phase_logins() {
log "3. login efficiency at the default cost, $THREADS threads, ${LOGIN_SECS}s; reference: $THREADS threads hashing for ${HASH_SECS}s"
lr=(); hr=(); lp=(); lc=(); hc=(); cc=(); rc=()
# LOGIN_WARM seconds of logins first, not counted: the switch from /api/me to logins deoptimises compiled filter-chain code, and
# the rate climbs for about 40 s (by hand, 2026-11-26: 5.4 -> 5.7 -> 6.6 -> 6.9 logins/s in 10 s rounds after /api/me
# load, 6.2-7.1 after that; a server that had served only logins was at 6.5-7.2 from its second round on)
lg login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" "$THREADS" "$LOGIN_WARM" 0 >/dev/null 2>>"$WORK/login-errors" || true
for i in $(seq 1 "$RUNS"); do
  h=$(lg hash 220000 "$THREADS" "$HASH_SECS"); hr+=("$(field rate "$h")"); hc+=("$(field cpu_ms_per_hash "$h")")
  # the server's own CPU time per login (utime + stime of its process over the round): the client shares the cores,
  # so logins/s alone also counts the client's CPU as a cost of the server (client_cpu_s, reported beside)
  # (request threads alone beside: the rest is the JIT compiling, GC and background tasks)
  t0=$(proc_ticks "$GH_PID"); q0=$(request_ticks "$GH_PID")
  out=$(lg login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" "$THREADS" "$LOGIN_SECS" 0 2>>"$WORK/login-errors")
  t1=$(proc_ticks "$GH_PID"); q1=$(request_ticks "$GH_PID")
  lr+=("$(field rate "$out")"); lp+=("$(field p50_ms "$out")"); cc+=("$(field client_cpu_s "$out")")
  per_login() { python3 -c "print(f'{$1 * 1000 / $(getconf CLK_TCK) / max(1, $(field ok "$out")):.2f}')"; }
  lc+=("$(per_login $((t1 - t0)))"); rc+=("$(per_login $((q1 - q0)))")
  [[ $(field failed "$out") == 0 ]] || echo "default cost: $(field failed "$out") failed logins" >>"$WORK/wrk-errors"
  log "  round $i: $THREADS-thread hashes/s ${hr[-1]} (${hc[-1]} ms CPU each), logins/s ${lr[-1]}, server CPU ${lc[-1]} ms per login (request threads ${rc[-1]}) ($out)"
done
cmd "java -cp $BJ org.gatehouse.bench.LoadGen hash 220000 $THREADS $HASH_SECS"
cmd "java -cp $BJ org.gatehouse.bench.LoadGen login http://127.0.0.1:PORT $EMAIL '$PASSWORD' $THREADS $LOGIN_SECS 0   # server CPU per login: utime+stime of /proc/PID/stat before and after"
put login_rate "$(median "${lr[@]}")"; put login_rate_all "${lr[*]}"; put login_p50 "$(median "${lp[@]}")"
put hash_threads_rate "$(median "${hr[@]}")"; put hash_threads_all "${hr[*]}"
put login_cpu_ms "$(median "${lc[@]}")"; put login_cpu_ms_all "${lc[*]}"; put hash_cpu_ms "$(median "${hc[@]}")"
put login_request_cpu_ms "$(median "${rc[@]}")"
put login_client_cpu "$(median "${cc[@]}")"
stop "$GH_PID"
phase "3. logins"
}
# ---------------------------------------------------------------- 4b. memory
phase_memory() {
hook memory "RUNS=${MEMORY_RUNS:-1} $([[ $QUICK == 1 ]] && echo LOGINS=$LOGINS)" && { phase "4b. memory (bench/memory.sh)"; return; }
log "4b. memory: $LOGINS logins at 1,000 rounds against a default-JVM and an -Xmx256m server (concurrently)"
MP=$HP   # the baseline app is stopped by now
launch_time; GH_ARGS=$LOW start_gh mem-default "$L" "$GP"; PID_DEFAULT=$LAST_PID
launch_time; GH_ARGS=$LOW start_gh mem-xmx256 "$WORK/gh-low-256" "$MP" -Xmx256m; PID_XMX256=$LAST_PID
wait_up "$GP" "$PID_DEFAULT" >/dev/null; wait_up "$MP" "$PID_XMX256" >/dev/null
put rss_default_idle "$(rss_mb "$PID_DEFAULT")"; put rss_xmx256_idle "$(rss_mb "$PID_XMX256")"
lg login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" "$THREADS" 900 "$LOGINS" >"$WORK/mem-default.txt" 2>>"$WORK/login-errors" & m1=$!
lg login "http://127.0.0.1:$MP" "$EMAIL" "$PASSWORD" "$THREADS" 900 "$LOGINS" >"$WORK/mem-xmx256.txt" 2>>"$WORK/login-errors" & m2=$!
wait "$m1" || true; wait "$m2" || true
for variant in default xmx256; do
  pidvar=PID_${variant^^}; pid=${!pidvar}; out=$(cat "$WORK/mem-$variant.txt")
  if kill -0 "$pid" 2>/dev/null; then
    put "rss_${variant}" "$(rss_mb "$pid")"; put "hwm_${variant}" "$(hwm_mb "$pid")"
  else
    put "rss_${variant}" nan; put "hwm_${variant}" nan; put "mem_${variant}_died" yes
  fi
  put "mem_${variant}_ok" "$(field ok "$out")"; put "mem_${variant}_failed" "$(field failed "$out")"
  put "mem_${variant}_rate" "$(field rate "$out")"
  grep -q OutOfMemoryError "$WORK/mem-$variant.log" && put "mem_${variant}_oom" yes
  log "  $variant: $out; RSS $(grep -P "^rss_${variant}\t" "$RES" | cut -f2) MB"
done
cmd "java -cp $BJ org.gatehouse.bench.LoadGen login http://127.0.0.1:PORT $EMAIL '$PASSWORD' $THREADS 900 $LOGINS   # one per server, concurrently; then VmRSS/VmHWM from /proc/PID/status"
stop "$PID_XMX256"; stop "$PID_DEFAULT"
phase "4b. memory"
}
# ---------------------------------------------------------------- 5. scale
phase_scale() {
log "5. scale: login, GET /api/me and admin search latency with 1,000 users, then $SCALE_USERS users and as many live sessions"
scale_measure() {  # scale_measure N
  local n=$1 p50=() p99=() a50=() a99=() s99=() out i ck ack
  # the same warm-up for both sizes, each on a freshly started server, so both compare equally warm JITs
  # (10 s instead of 15, tried on 2026-11-26 07:07: the 1,000,000-user server's logins measured 1.5x slower,
  # against 0.8-1.1x in every run with 15 s; why was not investigated)
  lg login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" "$THREADS" $((SCALE_SECS * 3)) 0 >/dev/null 2>&1 || true
  ck=$(lg cookie "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD"); ack=$(lg cookie "http://127.0.0.1:$GP" "$ADMIN" "$PASSWORD")
  lg rate "http://127.0.0.1:$GP/api/me" "$ck" 200 $((SCALE_SECS * 3)) >/dev/null
  lg rate "http://127.0.0.1:$GP/admin/users/?q=bench-4242" "$ack" 20 "$SCALE_SECS" >/dev/null
  for i in $(seq 1 "$RUNS"); do
    out=$(lg login "http://127.0.0.1:$GP" "bench-$((n / 2))@example.org" "$PASSWORD" 1 "$SCALE_SECS" 0 2>>"$WORK/login-errors")
    p50+=("$(field p50_ms "$out")"); p99+=("$(field p99_ms "$out")")
    [[ $(field failed "$out") == 0 ]] || echo "scale $n: $(field failed "$out") failed logins" >>"$WORK/wrk-errors"
    out=$(lg rate "http://127.0.0.1:$GP/api/me" "$ck" 50 "$SCALE_SECS")
    a50+=("$(field p50_ms "$out")"); a99+=("$(field p99_ms "$out")")
    [[ $(field non200 "$out") == 0 ]] || echo "scale $n /api/me: $(field non200 "$out") non-200" >>"$WORK/wrk-errors"
    out=$(lg rate "http://127.0.0.1:$GP/admin/users/?q=bench-$((4242 + i))" "$ack" 20 "$SCALE_SECS")
    s99+=("$(field p99_ms "$out")")
    [[ $(field non200 "$out") == 0 ]] || echo "scale $n admin search: $(field non200 "$out") non-200" >>"$WORK/wrk-errors"
  done
  put "scale_p50_$n" "$(median "${p50[@]}")"; put "scale_p99_$n" "$(median "${p99[@]}")"
  put "scale_me_p50_$n" "$(median "${a50[@]}")"; put "scale_me_p99_$n" "$(median "${a99[@]}")"
  put "scale_search_p99_$n" "$(median "${s99[@]}")"
  log "  $n users: login p50 ${p50[*]} ms, p99 ${p99[*]} ms; /api/me p50 ${a50[*]} ms; admin search p99 ${s99[*]} ms"
}
launch_time; GH_ARGS=$LOW start_gh "scale-1000" "$L" "$GP"; pid=$LAST_PID; wait_up "$GP" "$pid" >/dev/null
scale_measure 1000
stop "$pid"
launch_time; GH_ARGS=$LOW start_gh "scale" "$S" "$GP"; pid=$LAST_PID; wait_up "$GP" "$pid" >/dev/null
scale_measure "$SCALE_USERS"
stop "$pid"
put scale_users "$SCALE_USERS"
phase "5. scale"
cmd "java -cp $BJ org.gatehouse.bench.SessionGenerator 'jdbc:h2:file:DIR/db;...' N live   # server stopped"
cmd "java -cp $BJ org.gatehouse.bench.UserGenerator '$(h2_url DIR)' N $EMAIL   # server stopped"
cmd "java -cp $BJ org.gatehouse.bench.LoadGen login http://127.0.0.1:PORT bench-<N/2>@example.org '$PASSWORD' 1 $SCALE_SECS 0"
}
# ---------------------------------------------------------------- 5b. clean-up
phase_cleanup() {
# The clean-up is measured on PostgreSQL, the database store of a production cluster (Redis expires its own
# sessions). The embedded H2 file deletes about 12,000 expired sessions per second on this machine (hand run,
# bench/history/round-1.md 2026-11-26), too slow for a million in a minute; it is the try-it-out default.
log "5b. clean-up of $SCALE_USERS expired sessions on PostgreSQL while one client logs in without pause"
if [[ -z $PG_BIN ]]; then
  log "  no PostgreSQL server binaries (apt-get install postgresql): clean-up not measured"
else
  PG_STOP; pg_start   # restarted at normal priority: it was started by the background preparation at nice 19
  put cleanup_sessions "$SCALE_USERS"
  PROBE=$((QUICK == 1 ? 30 : 75))
  # the first run starts 20 s after start-up; 10 s of logins warm the fresh server up first (a cold JVM's first
  # logins take a second by themselves), then the probe logs in without pause while the clean-up runs
  launch_time; PG_URL=$PG_GATEHOUSE_URL GH_ARGS="$LOW --gatehouse.tasks.expired-sessions=20s" start_gh "cleanup" "$P" "$GP"; pid=$LAST_PID
  wait_up "$GP" "$pid" >/dev/null
  lg login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" 1 10 0 >/dev/null 2>&1 || true
  # the probe stops 3 s after the clean-up has reported (or after $PROBE s)
  { for _ in $(seq 1 $((PROBE * 2))); do grep -q 'Task expired-sessions changed' "$WORK/cleanup.log" && break; sleep 0.5; done
    sleep 3; touch "$WORK/probe-stop"; } & watcher=$!
  out=$(java -Dloadgen.stop-file="$WORK/probe-stop" -cp "$BJ" org.gatehouse.bench.LoadGen login "http://127.0.0.1:$GP" "$EMAIL" "$PASSWORD" 1 "$PROBE" 0 2>>"$WORK/login-errors")
  wait "$watcher" || true
  put cleanup_login_max "$(field max_ms "$out")"; put cleanup_login_p99 "$(field p99_ms "$out")"
  put cleanup_login_failed "$(field failed "$out")"; put cleanup_probe_secs "$(field seconds "$out")"
  for _ in $(seq 1 240); do grep -q 'Task expired-sessions changed' "$WORK/cleanup.log" && break; sleep 0.5; done  # at most 2 more minutes
  line=$(grep -m1 'Task expired-sessions changed' "$WORK/cleanup.log" || true)
  put cleanup_removed "$(sed -n 's/.*changed \([0-9]*\) record.*/\1/p' <<<"$line")"
  put cleanup_ms "$(sed -n 's/.* in \([0-9]*\) ms.*/\1/p' <<<"$line")"
  log "  $line"
  stop "$pid"; PG_STOP
  cmd "initdb -A trust -U postgres; pg_ctl start; createdb gatehouse; users create (migrates); psql: insert N expired rows into spring_session and spring_session_attributes with generate_series"
  cmd "(clean-up) java -jar $JAR ... --spring.datasource.url=jdbc:postgresql://127.0.0.1:PORT/gatehouse --gatehouse.tasks.expired-sessions=20s; java -cp $BJ org.gatehouse.bench.LoadGen login http://127.0.0.1:PORT $EMAIL '$PASSWORD' 1 10 0 (warm-up); java -Dloadgen.stop-file=F ... 1 $PROBE 0 (F created 3 s after the task reports)   # max_ms = longest login"
fi
phase "5b. clean-up"
}

if [[ $PART == core ]]; then
  phase_hashing; phase_startup; phase_throughput; phase_logins; phase_memory
else
  phase_scale; phase_cleanup
fi

# ---------------------------------------------------------------- report
LOAD_END=$(uptime | sed 's/.*load average: //')
put phase_times "${PHASES}total $(( $(date +%s) - RUN_T0 ))"
put load_start "$LOAD_START"; put load_end "$LOAD_END"
put part "$PART"; put quick "$QUICK"; put date "$START_DATE"; put commit "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
put cores "$CORES"; put threads "$THREADS"; put hash_runs "$HASH_RUNS"; put logins "$LOGINS"; put runs "$RUNS"
TABLE=$WORK/table.md
python3 bench/report.py "$RES" >"$TABLE"

{
  echo "## bench/run.sh$([[ $PART == scale ]] && echo ' scale')$([[ $QUICK == 1 ]] && echo ' (QUICK=1 smoke run)') — $START_DATE"
  echo
  echo "- Code: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')"
  echo "- JDK: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p'), $CORES CPUs; $(free -g | awk '/^Mem/ {print $2}') GB RAM"
  echo "- Load average (1/5/15 min): $LOAD_START at start, $LOAD_END at the end"
  if [[ $PART == core ]]; then
    echo "- Baseline: bench/target/gatehouse-bench-0.1.0-SNAPSHOT-hello.jar (Spring Boot $(python3 -c 'import re,sys,zipfile; print(next(m.group(1) for n in zipfile.ZipFile(sys.argv[1]).namelist() for m in [re.search(r"/spring-boot-([0-9.]+)\.jar$", n)] if m))' "$HELLO"), spring-boot-starter-webmvc, \`GET /hello\`), same JVM and flags (JVM_FLAGS='$JVM_FLAGS')"
  fi
  echo
  cat "$TABLE"
  echo
  if [[ -s $WORK/wrk-errors ]]; then echo "Errors seen:"; echo; sed 's/^/    /' "$WORK/wrk-errors"; echo; else echo "No HTTP errors, non-2xx/3xx answers or failed logins in any run."; echo; fi
  for script in startup memory; do
    if [[ -s $WORK/$script.md ]]; then echo "bench/$script.sh:"; echo; cat "$WORK/$script.md"; echo; fi
  done
  if [[ $PART == core ]]; then
    echo "JFR profile, ${JFR_SECS}s of authenticated load (JDBC store), $SAMPLES execution samples. Top-of-stack (self) frames:"
    echo
    sed 's/^/    /' "$WORK/hot-self.txt"
    echo
    echo "Top frames by \`jfr print --events jdk.ExecutionSample auth.jfr | grep 'at ' | sort | uniq -c | sort -rn | head\` (each sample's top 5 frames; line numbers stripped):"
    echo
    sed 's/^/    /' "$WORK/hot-inclusive.txt"
    echo
    echo "Top-of-stack frames by package:"
    echo
    sed 's/^/    /' "$WORK/hot-packages.txt"
    echo
    echo "Hashing detail (bench/hash-bench.sh):"
    echo
    cat "$WORK/hash.md"
    echo
  fi
  echo "Commands:"
  echo
  redact <"$CMDS" | sed 's/^/    /'
} | redact >"$WORK/section.md"
cat "$WORK/section.md"
cp "$WORK/section.md" "$WORK/report.txt"
if [[ $QUICK == 1 ]]; then
  log "QUICK=1: a smoke run, not recorded in bench/history/ or bench/RESULTS.md (report: bench/target/run-logs/report.txt)"
else
  STAMP=$(date -u -d "${START_DATE% UTC}" '+%Y-%m-%d-%H%M')
  mkdir -p bench/history
  cp "$WORK/section.md" "bench/history/$STAMP-$PART.md"
  redact <"$RES" >"bench/history/$STAMP-$PART.tsv"
  python3 bench/current.py
  log "recorded in bench/history/$STAMP-$PART.md (and .tsv); bench/RESULTS.md's current table rewritten"
fi
