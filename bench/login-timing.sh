#!/usr/bin/env bash
# Login timing of every class a login can take, side by side (issue 23 item 1; first written for issue 8).
# Starts the server jar on loopback at the default password cost, imports the accounts of each class
# (hashes made by the CLI: the default scheme, bcrypt at cost 12, pbkdf2_sha512 at Flask-Security's old
# 25,000 rounds), then times N interleaved form logins of each class (stops early after MAX_SECONDS of
# measuring; the server's start-up, slow on a loaded machine, comes on top) and prints each class's
# median and its ratio to the unknown-account class. Unknown logins are sorted by the legacy hash the server
# makes them mirror (computed from the development secret key in the data directory): "unknown account"
# mirrors none; two further classes mirror a bcrypt-12 and a 25,000-round account.
# Usage: bench/login-timing.sh [N] [MAX_SECONDS]   (builds the server jar first if it is missing)
# The throttle settings are changed for the run: the address limits are raised (every attempt comes
# from 127.0.0.1), a login locks after 5 failures and stays locked for an hour (the locked rows); every
# failing class uses a new account per round, so none reaches its lock. Logins without a confirmed
# address are refused (the unconfirmed row).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-30}
MAX_SECONDS=${2:-150}
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
prefix=bench-$RANDOM-
password=bench-known-password-$RANDOM-x
ligature=$'\uFB01'nal-$password
common=(--gatehouse.data-directory="$work/data")
raised=(--gatehouse.throttle.account-max-failures=5 --gatehouse.throttle.account-lock=1h
        --gatehouse.throttle.account-max-failures-per-hour=1000000
        --gatehouse.throttle.ip-max-failures=1000000 --gatehouse.throttle.ip-max-distinct-logins=1000000
        --gatehouse.features.login-without-confirmation=false)

cli() { java -jar "$JAR" "$@" "${common[@]}" 2>>"$work/cli.log" | tail -1; }
current=$(echo "$password" | cli hash)
ligature_hash=$(echo "$ligature" | cli hash)
bcrypt=$(echo "$password" | cli hash --gatehouse.passwords.hash=bcrypt)
weak=$(echo "$password" | cli hash --gatehouse.passwords.rounds.pbkdf2_sha512=25000)
[[ $current == '$pbkdf2-sha512$220000$'* && $bcrypt == '$2b$12$'* && $weak == '$pbkdf2-sha512$25000$'* ]] \
  || { echo "unexpected hashes: $current $bcrypt $weak" >&2; cat "$work/cli.log" >&2; exit 1; }

python3 - "$work/users.json" "$prefix" "$N" "$current" "$ligature_hash" "$bcrypt" "$weak" <<'PY'
import json, sys
path, prefix, n, current, ligature, bcrypt, weak = sys.argv[1:]
confirmed = "2026-01-01T00:00:00Z"
def user(name, hash, active=True, confirmed_at=confirmed):
    return {"email": prefix + name + "@example.org", "password": hash, "active": active, "confirmed_at": confirmed_at}
users = [user("locked", current), user("unconfirmed", current, confirmed_at=None)]
for i in range(int(n)):
    users += [user(f"known-{i}", current), user(f"banned-{i}", current, active=False),
              user(f"ligature-{i}", ligature), user(f"bcrypt-{i}", bcrypt), user(f"weak-{i}", weak),
              user(f"upgrade-{i}", weak)]
json.dump(users, open(path, "w"))
PY
java -jar "$JAR" users import "$work/users.json" "${common[@]}" >"$work/import.log" 2>&1 || { cat "$work/import.log"; exit 1; }

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
echo "- Passwords: default scheme and cost (pbkdf2_sha512, 220,000 rounds); legacy rows as imported"
echo
# The population the server mirrors for logins that find no password (LegacyHashSample, computed at start):
# N bcrypt-12 hashes, 2N at 25,000 rounds (weak and upgrade rows), 6N + 2 accounts with a password.
java bench/src/main/java/org/gatehouse/bench/LoginTiming.java "http://127.0.0.1:$port" "$prefix" "$password" \
  "$ligature" "$N" "$N" "$MAX_SECONDS" "$work/data/secret-key" "$N" "$((2 * N))" "$((6 * N + 2))"
echo "- Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
