#!/usr/bin/env bash
# Revocation latency across two instances under load (issue 18, item 1): runs RevocationLatencyHarness (Redis
# pub/sub and PostgreSQL LISTEN/NOTIFY, two Gatehouse instances in one JVM on loopback) and records its figures in
# bench/history/<date>-latency.tsv and .md, which bench/current.py puts in the table of bench/RESULTS.md.
#
#   bench/latency.sh                      REVOCATIONS=200 LOAD_THREADS=2 by default
# Needs Maven (offline is enough after one build), redis-server and PostgreSQL's binaries. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
REVOCATIONS=${REVOCATIONS:-200}; LOAD_THREADS=${LOAD_THREADS:-2}
STAMP=$(date -u +%Y-%m-%d-%H%M); LOAD=$(cut -d' ' -f1-3 /proc/loadavg | sed 's/ /, /g')
OUT=gatehouse-spring-boot-starter/target
rm -f "$OUT/revocation-latency.txt" "$OUT/revocation-latency.tsv"
mvn -o -B -q -pl gatehouse-spring-boot-starter -am test -Dtest=RevocationLatencyHarness \
    -Dsurefire.failIfNoSpecifiedTests=false -Dlatency.revocations="$REVOCATIONS" -Dlatency.load-threads="$LOAD_THREADS"
HIST=bench/history/$STAMP-latency
{ printf 'date\t%s UTC\n' "$(date -u '+%Y-%m-%d %H:%M')"
  printf 'commit\t%s\n' "$(git rev-parse --short HEAD)"
  printf 'load_start\t%s\n' "$LOAD"
  printf 'cores\t%s\n' "$(nproc)"
  printf 'java\t%s\n' "$(java -version 2>&1 | head -1 | tr -d '"')"
  sort -u "$OUT/revocation-latency.tsv"; } >"$HIST.tsv"
{ echo "# Revocation latency, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Command: \`REVOCATIONS=$REVOCATIONS LOAD_THREADS=$LOAD_THREADS bench/latency.sh\` at commit $(git rev-parse --short HEAD),"
  echo "$(nproc) cores, load average $LOAD at its start; two instances in one JVM on loopback (see docs/reliability.md)."
  echo
  sed 's/^/- /' "$OUT/revocation-latency.txt"; } >"$HIST.md"
python3 bench/current.py -q
cat "$HIST.md"
