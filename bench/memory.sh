#!/usr/bin/env bash
# Resident memory after 10,000 logins (issue 18, item 3): Gatehouse through bin/gatehouse, Gatehouse with plain
# `java -jar` (JVM defaults) and the bare Spring Boot hello, all three started and loaded at the same time, RUNS times.
#
#   bench/memory.sh            3 rounds of 10,000 logins
#   RUNS=1 LOGINS=1000 bench/memory.sh    a smoke run
#
# Load: each Gatehouse server gets LOGINS full logins (GET /login/, POST /login/) from bench's LoadGen with 4 threads
# at 1,000 PBKDF2 rounds, as bench/run.sh's memory phase; the hello gets as many requests (2 per login) at a fixed rate.
# Memory: VmRSS (and the peak, VmHWM) from /proc/PID/status, idle after start and after the load; medians over the
# rounds. Prints a table; the logs stay in bench/target/memory-logs/. Everything listens on 127.0.0.1 and every
# process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
LOGINS=${LOGINS:-10000}
THREADS=4
JAR=$(ls gatehouse-server/target/gatehouse-server-*.jar 2>/dev/null | head -1 || true)
HELLO=$(ls bench/target/gatehouse-bench-*-hello.jar 2>/dev/null | head -1 || true)
BJ=bench/target/benchmarks.jar
[[ -n $JAR && -n $HELLO && -f $BJ ]] || { mvn -B -q -DskipTests package -pl gatehouse-server,bench -am; JAR=$(ls gatehouse-server/target/gatehouse-server-*.jar | head -1); HELLO=$(ls bench/target/gatehouse-bench-*-hello.jar | head -1); }
PASSWORD='velvet-canyon-drum-91'
EMAIL=bench@example.org
LOW=--gatehouse.passwords.rounds.pbkdf2_sha512=1000

WORK=$(mktemp -d /tmp/gatehouse-memory.XXXXXX)
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf bench/target/memory-logs; mkdir -p bench/target/memory-logs
  cp "$WORK"/*.log "$WORK"/*.txt bench/target/memory-logs/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
median() { python3 -c 'import statistics,sys; v=[float(x) for x in sys.argv[1:]]; print(f"{statistics.median(v):.0f}" if v else "nan")' "$@"; }
free_ports() { python3 -c 'import socket; s=[socket.socket() for _ in range(3)]; [x.bind(("127.0.0.1",0)) for x in s]; print(*[x.getsockname()[1] for x in s])'; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }
rss_mb() { awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
hwm_mb() { awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
lg() { java -cp "$BJ" org.gatehouse.bench.LoadGen "$@"; }
gh_args() { echo "--server.address=127.0.0.1 --server.port=$1 --gatehouse.data-directory=$2 --spring.datasource.url=jdbc:h2:file:$2/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE --gatehouse.secret-key=$SECRET $LOW"; }
wait_up() {  # wait_up PORT PID
  for _ in $(seq 1 3600); do
    curl -s -m 2 "http://127.0.0.1:$1/health" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$2" 2>/dev/null || { log "process $2 (port $1) died"; return 1; }
    sleep 0.05
  done
  log "port $1 not UP after 180 s"; return 1
}
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

VARIANTS=(launcher plain hello)
declare -A IDLE AFTER PEAK
LOAD_START=$(uptime | sed 's/.*load average: //')
for round in $(seq 1 "$RUNS"); do
  read -r PL PP PH < <(free_ports)
  DL=$WORK/launcher-$round; DP=$WORK/plain-$round; mkdir -p "$DL" "$DP"
  log "round $round: users (CLI), then bin/gatehouse on $PL, java -jar on $PP, hello on $PH"
  # shellcheck disable=SC2046
  echo "$PASSWORD" | bin/gatehouse users create "$EMAIL" --confirmed $(gh_args 0 "$DL") >"$WORK/cli-$round.log" 2>&1
  # shellcheck disable=SC2046
  echo "$PASSWORD" | java -jar "$JAR" users create "$EMAIL" --confirmed $(gh_args 0 "$DP") >>"$WORK/cli-$round.log" 2>&1
  # shellcheck disable=SC2046
  GATEHOUSE_LAUNCHER_DEBUG=1 bin/gatehouse $(gh_args "$PL" "$DL") >"$WORK/launcher-$round.log" 2>&1 & P_launcher=$!
  # shellcheck disable=SC2046
  java -jar "$JAR" $(gh_args "$PP" "$DP") >"$WORK/plain-$round.log" 2>&1 & P_plain=$!
  java -jar "$HELLO" --server.address=127.0.0.1 --server.port="$PH" >"$WORK/hello-$round.log" 2>&1 & P_hello=$!
  PIDS+=("$P_launcher" "$P_plain" "$P_hello")
  wait_up "$PL" "$P_launcher"; wait_up "$PP" "$P_plain"; wait_up "$PH" "$P_hello"
  for v in "${VARIANTS[@]}"; do pid=P_$v; IDLE[$v]+=" $(rss_mb "${!pid}")"; done
  lg login "http://127.0.0.1:$PL" "$EMAIL" "$PASSWORD" "$THREADS" 1800 "$LOGINS" >"$WORK/load-launcher-$round.txt" 2>&1 & l1=$!
  lg login "http://127.0.0.1:$PP" "$EMAIL" "$PASSWORD" "$THREADS" 1800 "$LOGINS" >"$WORK/load-plain-$round.txt" 2>&1 & l2=$!
  lg rate "http://127.0.0.1:$PH/hello" - 100 $((LOGINS * 2 / 100)) >"$WORK/load-hello-$round.txt" 2>&1 & l3=$!
  wait "$l1" || true; wait "$l2" || true; wait "$l3" || true
  for v in "${VARIANTS[@]}"; do
    pid=P_$v
    AFTER[$v]+=" $(rss_mb "${!pid}")"; PEAK[$v]+=" $(hwm_mb "${!pid}")"
    log "  $v: $(head -1 "$WORK/load-$v-$round.txt"); VmRSS $(rss_mb "${!pid}") MB, VmHWM $(hwm_mb "${!pid}") MB"
  done
  for v in "${VARIANTS[@]}"; do pid=P_$v; stop "${!pid}"; done
  PIDS=()
done

med() { local -n a=$1; median ${a[$2]}; }
L=$(med AFTER launcher); P=$(med AFTER plain); H=$(med AFTER hello)
ratio=$(python3 -c "print(f'{$P / $H:.2f}')")
cat <<EOF

Resident memory, $(date -u '+%Y-%m-%d %H:%M UTC'), $(java -version 2>&1 | head -1), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) RAM,
load average at start $LOAD_START (the machine is shared); medians of $RUNS rounds, all three processes started and loaded together.
Load: $LOGINS logins at 1,000 rounds with $THREADS threads per Gatehouse server, $((LOGINS * 2)) GET /hello at 100/s for the hello.
Launcher options: $(grep -m1 'gatehouse launcher: exec' "$WORK/launcher-1.log" | sed 's/.*exec [^ ]* //; s/ -jar .*//')

| Process | VmRSS idle (MB) | VmRSS after the load (MB) | VmHWM (MB) | rounds (after) | target |
|---|---|---|---|---|---|
| Gatehouse, bin/gatehouse | $(med IDLE launcher) | $L | $(med PEAK launcher) | ${AFTER[launcher]# } | ≤ 350 MB: $( (( L <= 350 )) && echo met || echo "**not met**") |
| Gatehouse, java -jar | $(med IDLE plain) | $P | $(med PEAK plain) | ${AFTER[plain]# } | ≤ 1.5× hello: ${ratio}× $(python3 -c "print('met' if $P <= 1.5 * $H else '**not met**')") |
| bare hello, java -jar | $(med IDLE hello) | $H | $(med PEAK hello) | ${AFTER[hello]# } | |
EOF

# bench/run.sh's figures (key<TAB>value lines) when it asks for them
if [[ -n ${BENCH_RESULTS:-} ]]; then
  printf 'rss_launcher\t%s\nrss_plain\t%s\nrss_hello\t%s\n' "$L" "$P" "$H" >>"$BENCH_RESULTS"
fi
