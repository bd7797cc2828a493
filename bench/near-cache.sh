#!/usr/bin/env bash
# GET /api/me req/s with the near cache on and off, beside the bare hello, in the same run (issue 18, item 1):
# Gatehouse on its embedded H2 file (AUTO_SERVER, as bench/run.sh and the server default) and with Redis sessions,
# each with gatehouse.session.near-cache.enabled true and false. Rounds are interleaved (hello, then each
# Gatehouse in turn) and the table shows medians, since the machine may be shared.
#
#   bench/near-cache.sh                  ROUNDS=5 DUR=8 by default
# Needs the built jars (mvn -B -q -DskipTests package), wrk, redis-server, curl, python3. Listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar
HELLO=bench/target/gatehouse-bench-0.1.0-SNAPSHOT-hello.jar
BJ=bench/target/benchmarks.jar
ROUNDS=${ROUNDS:-5}; DUR=${DUR:-8}; WARM=${WARM:-40}
PASSWORD='velvet-canyon-drum-91'; EMAIL=bench@example.org
WORK=$(mktemp -d /tmp/gatehouse-near-cache.XXXXXX)
SECRET=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
PIDS=()
cleanup() { local p; for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT
read -r HP RP P1 P2 P3 P4 < <(python3 -c 'import socket; s=[socket.socket() for _ in range(6)]; [x.bind(("127.0.0.1",0)) for x in s]; print(*[x.getsockname()[1] for x in s])')
h2() { echo "--spring.datasource.url=jdbc:h2:file:$1/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE"; }
redis-server --bind 127.0.0.1 --port "$RP" --save '' --appendonly no >"$WORK/redis.log" 2>&1 & PIDS+=($!)
java -jar "$HELLO" --server.address=127.0.0.1 --server.port="$HP" >"$WORK/hello.log" 2>&1 & PIDS+=($!)
declare -A PORT ARGS
PORT[on]=$P1;       ARGS[on]="--gatehouse.session.near-cache.enabled=true"
PORT[off]=$P2;      ARGS[off]="--gatehouse.session.near-cache.enabled=false"
PORT[redis-on]=$P3; ARGS[redis-on]="--gatehouse.session.near-cache.enabled=true --gatehouse.session.redis-url=redis://127.0.0.1:$RP/1"
PORT[redis-off]=$P4; ARGS[redis-off]="--gatehouse.session.near-cache.enabled=false --gatehouse.session.redis-url=redis://127.0.0.1:$RP/2"
GH="on off redis-on redis-off"
for t in $GH; do
  d=$WORK/$t; mkdir -p "$d"
  # shellcheck disable=SC2046
  echo "$PASSWORD" | java -jar "$JAR" users create "$EMAIL" --confirmed --gatehouse.data-directory="$d" $(h2 "$d") \
    --gatehouse.secret-key="$SECRET" >"$d/create.log" 2>&1
  # shellcheck disable=SC2086,SC2046
  java -jar "$JAR" --server.address=127.0.0.1 --server.port="${PORT[$t]}" --gatehouse.data-directory="$d" $(h2 "$d") \
    --gatehouse.secret-key="$SECRET" ${ARGS[$t]} >"$d/server.log" 2>&1 & PIDS+=($!)
done
up() { for _ in $(seq 240); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0; sleep 0.5; done; echo "port $1 not up" >&2; exit 1; }
up "$HP"; for t in $GH; do up "${PORT[$t]}"; done
declare -A URL HDR
URL[hello]="http://127.0.0.1:$HP/hello"; HDR[hello]=""
for t in $GH; do
  c=$(java -cp "$BJ" org.gatehouse.bench.LoadGen cookie "http://127.0.0.1:${PORT[$t]}" "$EMAIL" "$PASSWORD")
  tok=$(curl -s -D - -o /dev/null -H "Cookie: gatehouse_session=$c" "http://127.0.0.1:${PORT[$t]}/api/me" | tr -d '\r' | sed -n 's/^Set-Cookie: csrftoken=\([^;]*\).*/\1/p')
  URL[$t]="http://127.0.0.1:${PORT[$t]}/api/me"; HDR[$t]="Cookie: gatehouse_session=$c${tok:+; csrftoken=$tok}"
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "${HDR[$t]}" "${URL[$t]}") == 200 ]] || { echo "$t: /api/me not 200" >&2; exit 1; }
  grep -h "near cache" "$WORK/$t/server.log" | sed "s/^/$t: /" | cut -c1-200 >&2 || true
done
run() { local t=$1; shift; local h=(); [[ -z ${HDR[$t]} ]] || h=(-H "${HDR[$t]}")
  wrk "$@" "${h[@]}" "${URL[$t]}" >"$WORK/last.txt"
  grep -q 'Non-2xx' "$WORK/last.txt" && { echo "$t: non-2xx answers" >&2; cat "$WORK/last.txt" >&2; }
  # p99 in ms (wrk prints us, ms or s)
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
       /^Requests\/sec/ {r=$2} /^ +99%/ {p=ms($2)} END {print r, p}' "$WORK/last.txt"; }
for t in hello $GH; do run "$t" -t1 -c2 -d"${WARM}s" >/dev/null; run "$t" -t2 -c32 -d5s >/dev/null; done
declare -A RPS P99
for i in $(seq "$ROUNDS"); do
  line="round $i:"
  for t in hello $GH; do read -r r p < <(run "$t" -t2 -c32 -d"${DUR}s" --latency); RPS[$t]="${RPS[$t]:-} $r"; P99[$t]="${P99[$t]:-} $p"; line="$line $t $r"; done
  echo "$line" >&2
done
python3 - "$(declare -p RPS P99)" <<'PY'
import re, statistics, sys
def parse(name):
    m = re.search(name + r"=\((.*?)\)", sys.argv[1])
    return {k: v.split() for k, v in re.findall(r'\[([^\]]+)\]="([^"]*)"', m.group(1))}
rps, p99 = parse("RPS"), parse("P99")
h = statistics.median(float(x) for x in rps["hello"])
print(f"| target | req/s (median) | x hello | p99 (median) | all rounds |\n|---|---|---|---|---|")
for t in ["hello", "on", "off", "redis-on", "redis-off"]:
    v = [float(x) for x in rps[t]]; m = statistics.median(v)
    print(f"| {t} | {m:,.0f} | {m/h:.2f} | {statistics.median(float(x) for x in p99[t]):.2f} ms | {' '.join(rps[t])} |")
PY
