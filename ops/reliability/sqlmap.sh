#!/usr/bin/env bash
# sqlmap against the login, sign-up and recovery forms and the JSON API of a running cluster
# (ops/cluster.sh up), through nginx; with ADMIN_LOGIN and ADMIN_PASSWORD set, also logged in as that
# administrator against the admin user search, the audit filter and /api/admin/users
# (ONLY_ADMIN=1 runs just those and appends to the summary). Reports go to bench/security/sqlmap/<target>/ and a
# summary to bench/security/sqlmap-summary.txt. Bounded: PER_TARGET seconds per target;
# --dbms=PostgreSQL (the real back end) keeps the payload set small enough for a shared 2-core box.
#   apt-get install -y sqlmap   (Debian package, 1.7.x)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BASE_URL:-http://127.0.0.1:${NGINX_PORT:-8088}}
OUT=$ROOT/bench/security/sqlmap
PER_TARGET=${PER_TARGET:-240}
mkdir -p "$OUT"
COMMON=(--batch --level=2 --risk=1 --dbms=PostgreSQL --time-sec=2 --threads=1 --disable-coloring --answers="follow=N")

run() { # name, sqlmap args...
	local name=$1; shift
	echo "== $name"
	timeout "$PER_TARGET" sqlmap "${COMMON[@]}" --output-dir="$OUT/$name" "$@" >"$OUT/$name.log" 2>&1
	local rc=$?
	local verdict
	if grep -q -E "is vulnerable|sqlmap identified the following injection" "$OUT/$name.log"; then verdict="INJECTION FOUND"
	elif grep -q -E "all tested parameters do not appear to be injectable" "$OUT/$name.log"; then verdict="not injectable"
	elif [ $rc = 124 ]; then verdict="stopped after ${PER_TARGET}s, nothing found so far"
	else verdict="inconclusive (rc $rc), see log"; fi
	local requests; requests=$(grep -o -E "[0-9]+ (HTTP\(s\) )?requests" "$OUT/$name.log" | tail -1)
	printf '%-22s %-45s %s\n' "$name" "$verdict" "${requests:-}" | tee -a "$OUT/../sqlmap-summary.txt"
}

[ "${ONLY_ADMIN:-0}" = 1 ] || : >"$OUT/../sqlmap-summary.txt"
echo "sqlmap $(sqlmap --version 2>/dev/null | grep -m1 -E "^[0-9]") against $N, $(date -u '+%F %H:%M UTC')" >>"$OUT/../sqlmap-summary.txt"
if [ "${ONLY_ADMIN:-0}" != 1 ]; then
# forms: a session-bound CSRF token, taken fresh from the form page before each request
run login-form -u "$N/login/" --data "login=someone%40example.org&password=wrong-password&_csrf=x" \
	--csrf-token=_csrf --csrf-url="$N/login/" -p login,password
run signup-form -u "$N/signup/" --data "email=sq%40example.org&username=sqlmapuser&password=plum-orbit-lantern-42&passwordConfirm=plum-orbit-lantern-42&_csrf=x" \
	--csrf-token=_csrf --csrf-url="$N/signup/" -p email,username
run recovery-form -u "$N/lost-password/" --data "email=someone%40example.org&_csrf=x" \
	--csrf-token=_csrf --csrf-url="$N/lost-password/" -p email
# JSON API: without cookies no CSRF token is needed, so cookies are dropped
run api-login -u "$N/api/login" --data '{"email":"someone@example.org","password":"wrong-password"}' \
	-H "Content-Type: application/json" --drop-set-cookie --ignore-code=401
run api-register -u "$N/api/register" --data '{"email":"sq2@example.org","username":"sqlmapuser2","password":"plum-orbit-lantern-42"}' \
	-H "Content-Type: application/json" --drop-set-cookie --ignore-code=401
run api-forgot -u "$N/api/forgot-password" --data '{"email":"someone@example.org"}' \
	-H "Content-Type: application/json" --drop-set-cookie --ignore-code=401
fi
if [ -n "${ADMIN_LOGIN:-}" ]; then
	# log in through the form with curl, as a browser does; sqlmap gets the session cookie
	JAR=$(mktemp)
	curl -s -c "$JAR" -b "$JAR" "$N/login/" -o "$JAR.html"
	TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$JAR.html" | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "login=$ADMIN_LOGIN" \
		--data-urlencode "password=${ADMIN_PASSWORD:?}" --data-urlencode "_csrf=$TOKEN" "$N/login/"
	SESSION=$(awk '$6 == "gatehouse_session" {print $7}' "$JAR")
	[ -n "$SESSION" ] || { echo "admin login failed" >&2; exit 1; }
	run admin-search -u "$N/admin/users/?q=abc&by=email&after=abc" --cookie="gatehouse_session=$SESSION" -p q,by,after
	run admin-audit -u "$N/admin/audit/?user=abc" --cookie="gatehouse_session=$SESSION" -p user
	run api-admin-users -u "$N/api/admin/users?q=abc&by=email" --cookie="gatehouse_session=$SESSION" -p q,by
	[ "$(curl -s -o /dev/null -w '%{http_code}' -b "gatehouse_session=$SESSION" "$N/api/me")" = 200 ] \
		&& echo "admin session still valid after the scans" | tee -a "$OUT/../sqlmap-summary.txt"
	rm -f "$JAR" "$JAR.html"
fi
cat "$OUT/../sqlmap-summary.txt"
