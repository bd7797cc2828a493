#!/usr/bin/env bash
# Reliability scenarios against a fresh one-machine cluster (ops/cluster.sh), bounded (a few
# hundred requests, < 10 min on 2 cores). Prints a table and writes it into docs/reliability.md
# (between the results markers). Exit status 1 when any check fails.
#   (a) a session made through instance A works through B; revoked via A, B refuses it at once
#   (b) SIGKILL of A under a registration load through nginx: every 201 exists in PostgreSQL,
#       B keeps serving, A restarts, rejoins and serves the old logged-in session
#   (c) Redis stopped under load: session requests fail closed (503), anonymous pages work,
#       recovery after Redis restarts without restarting Gatehouse (time measured)
#   (d) PostgreSQL restarted under load: 503 not 500, recovery time, no half-written account
#   (e) clean-up tasks run once per cluster (ShedLock): run lines across both instances' logs
#   (f) near cache: a session B has in memory, revoked through A, is refused on B's next request;
#       with B's invalidation channel killed (CLIENT KILL TYPE pubsub) revocations are still refused at once
# Environment: KEEP=1 leaves the cluster running; WRITE_DOCS=0 skips docs/reliability.md.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export CLUSTER_DIR=${CLUSTER_DIR:-/tmp/gatehouse-reliability}
export PG_PORT=${PG_PORT:-55432} REDIS_PORT=${REDIS_PORT:-56379} PORT_A=${PORT_A:-8081} PORT_B=${PORT_B:-8082}
export NGINX_PORT=${NGINX_PORT:-8088}
# cheap hashes keep the load on 2 shared cores bounded; clean-up tasks try every 5 s for (e)
# every load request comes from 127.0.0.1 (nginx): per-address rate limits would answer 429 to the load;
# the checks count 201s, so sign-up answers explicitly (generic answers are 202 whether or not a row was made)
export GATEHOUSE_OPTS="${GATEHOUSE_OPTS:-} --gatehouse.passwords.rounds.pbkdf2_sha512=10000 \
 --gatehouse.tasks.session-cleaner=PT5S --gatehouse.tasks.delete-login-ips=PT5S \
 --gatehouse.features.return-generic-responses=false \
 --gatehouse.throttle.rate-limits.register-ip.max=100000 --gatehouse.throttle.ip-max-failures=100000 \
 --gatehouse.throttle.ip-max-distinct-logins=100000"
CL="$ROOT/ops/cluster.sh"
# the cluster goes down however the run ends (failure, timeout's TERM), unless KEEP=1
trap '[ "${KEEP:-0}" = 1 ] || "$CL" down >/dev/null 2>&1' EXIT
N=http://127.0.0.1:$NGINX_PORT A=http://127.0.0.1:$PORT_A B=http://127.0.0.1:$PORT_B
W=$CLUSTER_DIR/run
PW=plum-orbit-lantern-42
RUN=$(date +%s)
FAILED=0
ROWS=()

now() { date +%s.%N; }
since() { python3 -c "print(f'{$(now) - $1:.1f}')"; }
psql_q() { PGCONNECT_TIMEOUT=3 psql -h 127.0.0.1 -p "$PG_PORT" -U gatehouse -d gatehouse -tAc "$1" 2>/dev/null; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@"; }
register() { code -H 'Content-Type: application/json' --data "{\"email\":\"$1\",\"password\":\"$PW\"}" "$2/api/register"; }
login() { code -c "$1" -b "$1" -H 'Content-Type: application/json' --data "{\"email\":\"$3\",\"password\":\"$PW\"}" "$2/api/login"; }
me() { code -b "$1" "$2/api/me"; }
csrf() { awk '$6 == "csrftoken" { print $7 }' "$1"; }
row() { # scenario, requests, errors (5xx/none), check, ok?
	ROWS+=("| $1 | $2 | $3 | $4 | $5 |")
	[ "$5" = PASS ] || FAILED=1
	printf '%-34s %6s %8s  %-5s %s\n' "$1" "$2" "$3" "$5" "$4"
}
user() { # a confirmed account, made through nginx
	local email=$1
	register "$email" "$N" >/dev/null
	psql_q "update gh_user set confirmed_at = now() where email_key = lower('$email')" >/dev/null
}
five() { grep -c -E ' (5[0-9][0-9]|000)$' "$@" 2>/dev/null | awk -F: '{ s += $NF } END { print s + 0 }'; }

echo "== fresh cluster in $CLUSTER_DIR"
"$CL" down >/dev/null 2>&1
rm -rf "$CLUSTER_DIR"
START=$(now)
"$CL" up || { echo "cluster did not come up"; exit 1; }
mkdir -p "$W"
echo "cluster up in $(since "$START") s"
printf '\n%-34s %6s %8s  %-5s %s\n' SCENARIO REQS ERRORS RESULT CHECK

# ---------- (a) session shared, revocation honoured
U=a-$RUN@example.org
user "$U"
L=$W/laptop.jar P=$W/phone.jar
r1=$(login "$L" "$A" "$U") r2=$(login "$P" "$A" "$U") m1=$(me "$L" "$B") m2=$(me "$P" "$B")
SID=$(curl -s -b "$L" "$A/api/sessions" | python3 -c 'import json,sys; print(next(s["id"] for s in json.load(sys.stdin) if not s["current"]))' 2>/dev/null)
rv=$(code -X DELETE -b "$L" -c "$L" -H "X-CSRFToken: $(csrf "$L")" "$A/api/sessions/$SID")
after=$(me "$P" "$B") still=$(me "$L" "$B")
[ "$r1$r2$m1$m2" = 200200200200 ] && ok=PASS || ok=FAIL
row "(a) session from A used on B" 4 0 "logins on A $r1/$r2, /api/me on B $m1/$m2" $ok
[ "${rv:0:1}" = 2 ] && [ "$after" = 401 ] && [ "$still" = 200 ] && ok=PASS || ok=FAIL
row "(a) revoke on A, refused on B" 3 0 "revoke $rv, revoked session on B $after, other session on B $still" $ok

# ---------- (f) near cache: revocation on A reaches B's memory; with the channel killed, B reads Redis
revoke_round() { # $1 label: two sessions of a fresh user, both read twice on B (in its near cache); the second is
	# revoked through A and B is asked for it once, at once: prints B's answer
	local u=f-$RUN-$1@example.org l=$W/f-$1-l.jar p=$W/f-$1-p.jar sid
	user "$u"; login "$l" "$A" "$u" >/dev/null; login "$p" "$A" "$u" >/dev/null
	me "$l" "$B" >/dev/null; me "$p" "$B" >/dev/null; me "$p" "$B" >/dev/null
	sid=$(curl -s -b "$l" "$A/api/sessions" | python3 -c 'import json,sys; print(next(s["id"] for s in json.load(sys.stdin) if not s["current"]))' 2>/dev/null)
	code -X DELETE -b "$l" -c "$l" -H "X-CSRFToken: $(csrf "$l")" "$A/api/sessions/$sid" >/dev/null
	me "$p" "$B"
}
F=""; for i in 1 2 3 4 5 6 7 8 9 10; do F="$F $(revoke_round "$i")"; done
FR=$(tr ' ' '\n' <<<"$F" | grep -c '^401$')
[ "$FR" = 10 ] && ok=PASS || ok=FAIL
row "(f) revoke on A, next request on B" 10 0 "B's next answer for the revoked session:$F ($FR/10 refused)" $ok
redis-cli -p "$REDIS_PORT" client kill type pubsub >/dev/null
G=""; for i in 11 12 13 14 15; do G="$G $(revoke_round "$i")"; done
GR=$(tr ' ' '\n' <<<"$G" | grep -c '^401$')
BYPASS=$(grep -c "Near cache of sessions and users bypassed" "$CLUSTER_DIR/b.log")
REOPEN=$(grep -c "Near cache of sessions and users in use" "$CLUSTER_DIR/b.log")
[ "$GR" = 5 ] && [ "$BYPASS" -ge 1 ] && [ "$REOPEN" -ge 2 ] && ok=PASS || ok=FAIL
row "(f) channel killed, still refused" 5 0 "after CLIENT KILL TYPE pubsub:$G ($GR/5 refused); B logged bypass $BYPASS x, channel open $REOPEN x" $ok

# ---------- (b) SIGKILL of A under registration load
loader_b() { for i in $(seq 80); do e=b-$RUN-$1-$i@example.org; echo "$(now) $e $(register "$e" "$N")"; done >"$W/b.$1"; }
for w in 1 2 3; do loader_b $w & done
sleep 3
KILLED=$(now)
"$CL" kill a
wait
cat "$W"/b.[123] >"$W/b.all"
SENT=$(wc -l <"$W/b.all") OK201=$(awk '$3 == 201' "$W/b.all" | wc -l) ERR=$(five "$W/b.all")
AFTER_KILL=$(awk -v t="$KILLED" '$1 > t + 1 && $3 == 201' "$W/b.all" | wc -l)
awk '$3 == 201 { print tolower($2) }' "$W/b.all" | sort >"$W/b.201"
psql_q "select email_key from gh_user where email_key like 'b-$RUN-%'" | sort >"$W/b.db"
MISSING=$(comm -23 "$W/b.201" "$W/b.db" | wc -l) EXTRA=$(comm -13 "$W/b.201" "$W/b.db" | wc -l)
[ "$MISSING" = 0 ] && [ "$AFTER_KILL" -gt 0 ] && ok=PASS || ok=FAIL
row "(b) SIGKILL A under load" "$SENT" "$ERR" "$OK201 answered 201, $MISSING of them missing in PostgreSQL, $EXTRA rows without a 201 (in flight at the kill), $AFTER_KILL x 201 served after the kill" $ok
T=$(now)
"$CL" start a >/dev/null && up=$(code "$A/health") || up=none
REJOIN=$(since "$T")
ma=$(me "$L" "$A")
[ "$up" = 200 ] && [ "$ma" = 200 ] && ok=PASS || ok=FAIL
row "(b) A restarted and rejoined" 2 0 "health $up after ${REJOIN} s (JVM start), old session on A: /api/me $ma" $ok
RESULT_REJOIN=$REJOIN

# ---------- (c) Redis stopped under load
# each line: send time, answer time, kind, status. Lettuce holds a command up to its 3 s timeout while it
# reconnects, so a request sent just before Redis returns may be answered (rightly) once Redis is back: only
# requests sent and answered while Redis was down count for "fail closed".
loader_c() { local s r; while [ -f "$W/c.run" ]; do
		s=$(now); r=$(me "$L" "$N"); echo "$s $(now) me $r"
		s=$(now); r=$(code "$N/"); echo "$s $(now) anon $r"
		s=$(now); r=$(code "$N/health"); echo "$s $(now) health $r"
		sleep 0.2; done >"$W/c.log.$1"; }
touch "$W/c.run"; for w in 1 2 3; do loader_c $w & done
sleep 2
"$CL" stop-redis; DOWN=$(now)
sleep 8
UP_AT=$(now); "$CL" start-redis
RECOVERED=none
while python3 -c "import sys; sys.exit(0 if $(now) - $UP_AT < 30 else 1)"; do
	if [ "$(me "$L" "$A")" = 200 ] && [ "$(me "$L" "$B")" = 200 ]; then RECOVERED=$(since "$UP_AT"); break; fi
	sleep 0.2
done
sleep 1; rm -f "$W/c.run"; wait
cat "$W"/c.log.? | sort -n >"$W/c.log"
read -r CM CS CL5 CA CANON CT < <(awk -v d="$DOWN" -v u="$UP_AT" '$1 > d + 0.5 && $2 < u {
	if ($3 == "me") { m++; if ($4 == 503) s++; if ($4 == 500) f++; if ($4 == 200) a++ }
	if ($3 == "anon") { n++; if ($4 < 500 && $4 != "000") an++ } }
	END { print m + 0, s + 0, f + 0, a + 0, an + 0, n + 0 }' "$W/c.log")
TOTAL=$(wc -l <"$W/c.log")
FIVE=$(awk '$4 == 500' "$W/c.log" | wc -l)
[ "$CM" -gt 0 ] && [ "$CS" = "$CM" ] && [ "$CA" = 0 ] && [ "$CANON" = "$CT" ] && [ "$FIVE" = 0 ] && ok=PASS || ok=FAIL
row "(c) Redis down: fail closed" "$TOTAL" "$FIVE x 500" "while down: $CS/$CM session requests 503, $CA answered as logged in, anonymous page $CANON/$CT ok" $ok
[ "$RECOVERED" != none ] && python3 -c "import sys; sys.exit(0 if $RECOVERED <= 10 else 1)" && ok=PASS || ok=FAIL
row "(c) Redis back: recovery" - - "session works again on A and B ${RECOVERED} s after Redis restart (no Gatehouse restart)" $ok
RESULT_REDIS=$RECOVERED

# ---------- (d) PostgreSQL restarted under load
loader_d() { local i=0; while [ -f "$W/d.run" ]; do i=$((i + 1)); e=d-$RUN-$1-$i@example.org
		echo "$(now) $e $(register "$e" "$N")"; echo "$(now) me $(me "$L" "$N")"; sleep 0.2; done >"$W/d.log.$1"; }
touch "$W/d.run"; for w in 1 2 3; do loader_d $w & done
sleep 3
"$CL" stop-postgres; PGDOWN=$(now)
sleep 6
PGUP=$(now); "$CL" start-postgres
RECOVERED=none; j=0
while python3 -c "import sys; sys.exit(0 if $(now) - $PGUP < 60 else 1)"; do
	j=$((j + 1))
	if [ "$(register "d-$RUN-probe-$j@example.org" "$N")" = 201 ]; then RECOVERED=$(since "$PGUP"); break; fi
	sleep 0.3
done
sleep 2; rm -f "$W/d.run"; wait
cat "$W"/d.log.? | sort -n >"$W/d.log"
TOTAL=$(wc -l <"$W/d.log")
FIVE=$(awk '$3 == 500' "$W/d.log" | wc -l)
DURING=$(awk -v d="$PGDOWN" -v u="$PGUP" '$1 > d + 0.5 && $1 < u { n++; if ($3 == 503) s++ } END { print s + 0 "/" n + 0 }' "$W/d.log")
awk '$2 ~ /@/ && $3 == 201 { print tolower($2) }' "$W/d.log" | sort >"$W/d.201"
psql_q "select email_key from gh_user where email_key like 'd-$RUN-%' and email_key not like '%probe%'" | sort >"$W/d.db"
MISSING=$(comm -23 "$W/d.201" "$W/d.db" | wc -l)
HALF=$(psql_q "select count(*) from gh_user where email_key like 'd-$RUN-%' and (password_hash is null or email is null or created_at is null)")
[ "$FIVE" = 0 ] && [ "$MISSING" = 0 ] && [ "$HALF" = 0 ] && [ "$RECOVERED" != none ] && ok=PASS || ok=FAIL
row "(d) PostgreSQL restart" "$TOTAL" "$FIVE x 500" "while down $DURING answers 503; recovered ${RECOVERED} s after start; $MISSING x 201 missing, $HALF half-written rows" $ok
RESULT_PG=$RECOVERED

# ---------- (e) clean-up tasks once per cluster
python3 - "$CLUSTER_DIR" >"$W/e.txt" <<'PY'
import re, sys, datetime
runs, skips = [], 0
for name in ("a", "b"):
    for line in open(f"{sys.argv[1]}/{name}.log", errors="replace"):
        if "Task session-cleaner changed" in line:
            runs.append(datetime.datetime.fromisoformat(line[:23]))
        elif "Task session-cleaner skipped" in line:
            skips += 1
runs.sort()
gaps = [(b - a).total_seconds() for a, b in zip(runs, runs[1:])]
print(len(runs), skips, f"{min(gaps):.0f}" if gaps else "-")
PY
read -r RUNS SKIPS GAP <"$W/e.txt"
LOCKS=$(psql_q "select count(*) from shedlock where name like 'gatehouse-%'")
[ "$RUNS" -gt 0 ] && [ "$SKIPS" -gt 0 ] && { [ "$GAP" = - ] || [ "$GAP" -ge 29 ]; } && ok=PASS || ok=FAIL
row "(e) clean-up once per cluster" - - "session-cleaner: $RUNS runs across A+B, $SKIPS skipped (lock held), min gap ${GAP} s (lock at least 30 s), $LOCKS shedlock rows" $ok

TOTAL_TIME=$(since "$START")
echo
echo "total $TOTAL_TIME s; rejoin after SIGKILL ${RESULT_REJOIN} s, Redis recovery ${RESULT_REDIS} s, PostgreSQL recovery ${RESULT_PG} s"

if [ "${WRITE_DOCS:-1}" = 1 ]; then
	{
		echo "<!-- results:begin -->"
		echo "Last run: $(date -u '+%Y-%m-%d %H:%M UTC'), \`ops/reliability/run.sh\`, ${TOTAL_TIME} s in all."
		echo
		echo "| Scenario | Requests | Errors | Observed | Result |"
		echo "|---|---|---|---|---|"
		printf '%s\n' "${ROWS[@]}"
		echo "<!-- results:end -->"
	} >"$W/results.md"
	python3 - "$ROOT/docs/reliability.md" "$W/results.md" <<'PY'
import re, sys
doc, new = open(sys.argv[1]).read(), open(sys.argv[2]).read().strip()
doc = re.sub(r"<!-- results:begin -->.*?<!-- results:end -->", lambda m: new, doc, flags=re.S)
open(sys.argv[1], "w").write(doc)
PY
fi

[ "${KEEP:-0}" = 1 ] || "$CL" down >/dev/null
exit $FAILED
