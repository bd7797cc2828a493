#!/usr/bin/env bash
# Invenio migration benchmark (issue 22): USERS generated Invenio users in a PostgreSQL database made from
# Invenio-Accounts' schema (gatehouse-spring-boot-starter/src/test/resources/invenio/schema-23e196599f9f.sql),
# moved into a Gatehouse PostgreSQL database by the real command line:
#   java -jar gatehouse-server.jar migrate invenio --from jdbc:postgresql://... --secret-key-env ... --batch BATCH
# Measures the wall time, the CPU time and the peak RSS of that JVM (GNU time), then runs the command a second time
# (everything is reported as already migrated) and times that too.
#
#   bench/invenio-migration.sh                 USERS=1000000, BATCH=1000
#   USERS=100000 bench/invenio-migration.sh    (a size that finishes on a busy machine)
#
# Data per user: a pbkdf2_sha512 hash (Flask-Security pre-hashed, passlib's 25,000 rounds, the same for all: the
# migration never derives keys), a login information row, a profile; every 10th user holds a role, has an ORCID
# identity and a session row; every 100th has a personal access token (encrypted with pgcrypto exactly as
# sqlalchemy-utils' AesEngine does). Prints a Markdown report; writes it to bench/history/<date>-invenio-migration.md
# when SAVE=1. Needs PostgreSQL server binaries (/usr/lib/postgresql/*/bin) with pgcrypto, java 17, GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-1000000}
BATCH=${BATCH:-1000}
SAVE=${SAVE:-0}
JAR=${JAR:-$(ls gatehouse-server/target/gatehouse-server-*.jar 2>/dev/null | grep -v '\.original' | head -n 1 || true)}
[[ -n $JAR ]] || { mvn -B -q -o -DskipTests -pl gatehouse-server -am package; JAR=$(ls gatehouse-server/target/gatehouse-server-*.jar | grep -v '\.original' | head -n 1); }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
SCHEMA=gatehouse-spring-boot-starter/src/test/resources/invenio/schema-23e196599f9f.sql
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/gatehouse-invenio-bench.XXXXXX)
PORT=$(free_port)
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) == 0 ]] && chown postgres "$WORK"
PG_PID=
cleanup() {
  [[ -n $PG_PID ]] && as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$WORK/data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data/postgres.log" -w -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/data -c fsync=off -c max_wal_size=4GB" start >/dev/null
PG_PID=started
psql() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U bench "$@"; }
psql -d postgres -c "create database invenio" -c "create database gatehouse"
psql -d invenio -f "$SCHEMA"
psql -d invenio -c "create extension pgcrypto"

SECRET_KEY=bench-invenio-secret-key-0123456789
# one passlib pbkdf2_sha512 hash (25,000 rounds) of get_hmac("bench-password-0001") under SECRET_KEY, made by
# gatehouse-spring-boot-starter/src/test/resources/invenio/make_invenio_data.py's way; the migration only parses it
HASH=$(/usr/bin/python3 -c '
import base64, hashlib, hmac, sys
from passlib.hash import pbkdf2_sha512
pre = base64.b64encode(hmac.new(sys.argv[1].encode(), b"bench-password-0001", hashlib.sha512).digest()).decode()
print(pbkdf2_sha512.using(rounds=25000).hash(pre))' "$SECRET_KEY")

log "generating $USERS Invenio users"
GEN_START=$(date +%s)
psql -d invenio <<SQL
insert into accounts_role (id, name, description, created, updated, version_id, is_managed)
  values ('curator', 'curator', 'Curators', now(), now(), 1, true);
insert into accounts_user (id, email, password, active, confirmed_at, created, updated, version_id, profile,
  preferences, displayname, username, blocked_at, verified_at, domain)
select i, 'user' || i || '@example.org', '$HASH', i % 50 <> 7, now() - interval '1 day', now() - interval '2 days', now(), 1,
  jsonb_build_object('full_name', 'User Number ' || i, 'affiliations', 'Institute ' || (i % 100)),
  '{"visibility": "public"}', 'User_' || i, 'user_' || i, case when i % 100 = 50 then now() end, null, 'example.org'
from generate_series(1, $USERS) i;
insert into accounts_user_login_information (user_id, current_login_at, current_login_ip, last_login_at, last_login_ip, login_count)
select i, now(), '192.0.2.' || (i % 250), now() - interval '1 day', '198.51.100.' || (i % 250), i % 40 from generate_series(1, $USERS) i;
insert into accounts_userrole (user_id, role_id) select i, 'curator' from generate_series(10, $USERS, 10) i;
insert into accounts_useridentity (created, updated, id, method, id_user)
select now(), now(), '0000-0000-' || lpad(i::text, 9, '0'), 'orcid', i from generate_series(10, $USERS, 10) i;
insert into accounts_user_session_activity (created, updated, sid_s, user_id, browser, browser_version, country, device, ip, os)
select now() - interval '3 hours', now(), 'sid-' || i, i, 'Firefox', '125.0', 'DE', 'Other', '192.0.2.1', 'Linux'
from generate_series(10, $USERS, 10) i;
insert into oauth2server_client (name, user_id, client_id, client_secret, is_internal)
select 'script ' || i, i, 'client-' || i, 'secret-' || i, true from generate_series(100, $USERS, 100) i;
insert into oauth2server_token (id, client_id, user_id, token_type, access_token, _scopes, is_personal, is_internal)
select i, 'client-' || i, i, 'bearer',
  replace(encode(encrypt_iv(convert_to(rpad('BenchToken' || lpad(i::text, 50, '0'), 64, '*'), 'UTF8'),
    digest('$SECRET_KEY', 'sha256'), substring(digest('$SECRET_KEY', 'sha256') from 1 for 16), 'aes-cbc/pad:none'), 'base64'), E'\n', ''),
  'user:email', true, false
from generate_series(100, $USERS, 100) i;
analyze;
SQL
GEN_SECONDS=$(( $(date +%s) - GEN_START ))
log "generated in ${GEN_SECONDS}s"

export INVENIO_SECRET_KEY=$SECRET_KEY
export GATEHOUSE_PASSWORDS_LEGACY_HMAC_SALT=$SECRET_KEY
GH=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PORT/gatehouse" --spring.datasource.username=bench
    --gatehouse.secret-key=bench-gatehouse-secret-key-0123456789-abcdefghij --gatehouse.mode=development
    --gatehouse.data-directory="$WORK/gh-data")
# the schema first, untimed (a server that already runs has it)
java -jar "$JAR" "${GH[@]}" users activate nobody@example.org >/dev/null 2>&1 || true

LOAD_START=$(uptime | sed 's/.*load average: //')
run() {
  /usr/bin/time -v -o "$WORK/$1.time" java ${JVM_FLAGS:-} -jar "$JAR" "${GH[@]}" migrate invenio \
    --from "jdbc:postgresql://127.0.0.1:$PORT/invenio" --from-user bench --secret-key-env INVENIO_SECRET_KEY \
    --batch "$BATCH" >"$WORK/$1.out" 2>"$WORK/$1.err" || true
}
field() { grep "$2" "$WORK/$1.time" | sed 's/.*: //'; }
log "migrating (load average $LOAD_START)"
run first
log "second run (everything already migrated)"
run second
LOAD_END=$(uptime | sed 's/.*load average: //')

report() {
  echo "# Invenio migration, $USERS users, batch $BATCH"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD), $(nproc) cores, load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Generating the Invenio data took ${GEN_SECONDS} s (not part of the figures)."
  echo
  echo "| Run | Wall | CPU (user + sys) | Peak RSS | Exit |"
  echo "|---|---|---|---|---|"
  for r in first second; do
    local wall user sys rss code
    wall=$(field $r "Elapsed (wall clock)"); user=$(field $r "User time"); sys=$(field $r "System time")
    rss=$(field $r "Maximum resident set size"); code=$(field $r "Exit status")
    echo "| $r | $wall | $(python3 -c "print(f'{$user + $sys:.1f} s')") | $((rss / 1024)) MB | $code |"
  done
  echo
  echo "First run's report:"
  echo
  echo '```'
  grep -v '^accounts_user\b.*: note:' "$WORK/first.out" | tail -n 20
  echo '```'
  echo
  echo "Second run's counts:"
  echo
  echo '```'
  grep -E '^(accounts_|oauth2server)' "$WORK/second.out" | grep -v ': note:' | tail -n 7
  echo '```'
  echo
  echo "Command: \`USERS=$USERS BATCH=$BATCH bench/invenio-migration.sh\`"
}
OUT=$(report)
echo "$OUT"
if [[ $SAVE == 1 ]]; then
  FILE=bench/history/$(date -u +%Y-%m-%d-%H%M)-invenio-migration.md
  echo "$OUT" >"$FILE"
  log "wrote $FILE"
fi
