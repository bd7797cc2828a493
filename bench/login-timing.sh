#!/usr/bin/env bash
# Login timing, known account with a wrong password vs unknown account (issue 8).
# Starts the server jar on loopback at the default password cost, creates one user with the CLI,
# then times N interleaved failed logins of each kind, plus a locked login (stops early after
# MAX_SECONDS of measuring; the server's start-up, slow on a loaded machine, comes on top).
# Usage: bench/login-timing.sh [N] [MAX_SECONDS]   (builds the server jar first if it is missing)
# The throttle settings are changed for the run: the address limits are raised (every attempt
# comes from 127.0.0.1 with a new unknown login), a login locks after 5 failures and stays
# locked for an hour (the locked row), and the client resets the known account with an untimed
# successful login before its 5th failure.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
MAX_SECONDS=${2:-100}
JAR=gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar

if [[ ! -f $JAR ]]; then
  mvn -B -q -DskipTests package
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
email=bench-$RANDOM@example.org
password=bench-known-password-$RANDOM-x
common=(--gatehouse.data-directory="$work/data")
lock_after=5
raised=(--gatehouse.throttle.account-max-failures=$lock_after --gatehouse.throttle.account-lock=1h
        --gatehouse.throttle.account-max-failures-per-hour=1000000
        --gatehouse.throttle.ip-max-failures=1000000 --gatehouse.throttle.ip-max-distinct-logins=1000000)

echo "$password" | java -jar "$JAR" users create "$email" --confirmed "${common[@]}" >"$work/cli.log" 2>&1 \
  || { cat "$work/cli.log"; exit 1; }

java -jar "$JAR" --server.address=127.0.0.1 --server.port="$port" "${common[@]}" "${raised[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
up=
for _ in $(seq 1 480); do
  if curl -fs -o /dev/null "http://127.0.0.1:$port/health"; then up=1; break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log"; exit 1; fi
  sleep 0.5
done
[[ -n $up ]] || { echo "The server did not start within 4 minutes" >&2; tail -20 "$work/server.log" >&2; exit 1; }

echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- Command: \`bench/login-timing.sh $N $MAX_SECONDS\`, server started with ${raised[*]}"
echo "- JDK: $(java -version 2>&1 | head -1)"
echo "- CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) vCPUs; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- Passwords: default scheme and cost (pbkdf2_sha512, gatehouse.passwords.rounds unset)"
echo
java bench/src/main/java/org/gatehouse/bench/LoginTiming.java "http://127.0.0.1:$port" "$email" "$password" \
  "$lock_after" "$N" "$MAX_SECONDS"
echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
