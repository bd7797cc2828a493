#!/usr/bin/env bash
# wapiti (Debian package 3.0.4, apt-get install -y wapiti) against a running cluster
# (ops/cluster.sh up), through nginx, logged in as an admin: logs in with curl (form + CSRF
# token), hands the gatehouse_session cookie to wapiti and scans the whole site, the account
# and admin pages and the JSON API included. The JSON report goes to bench/security/wapiti/.
#   LOGIN=admin@example.org PASSWORD=... ops/reliability/wapiti.sh
# Environment: BASE_URL (http://127.0.0.1:$NGINX_PORT), ATTACK_TIME (120 s per module),
#   ENDPOINT (a local URL that records requests, for the ssrf module; default a closed port),
#   WORK (scratch directory, /tmp/gatehouse-wapiti-run), NAME (report file name, wapiti-report).
# Raise the per-address limits on the cluster first (all requests come from 127.0.0.1), e.g.
#   GATEHOUSE_OPTS="--gatehouse.throttle.rate-limits.default.max=100000 ..." ops/cluster.sh up
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${BASE_URL:-http://127.0.0.1:${NGINX_PORT:-8088}}
OUT=$ROOT/bench/security/wapiti
WORK=${WORK:-/tmp/gatehouse-wapiti-run}
ENDPOINT=${ENDPOINT:-http://127.0.0.1:9/}
: "${LOGIN:?LOGIN is required}" "${PASSWORD:?PASSWORD is required}"
mkdir -p "$OUT" "$WORK"
rm -f "$WORK/jar"

# log in through the form, as a browser does
curl -s -c "$WORK/jar" -b "$WORK/jar" "$N/login/" -o "$WORK/login.html"
TOKEN=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/login.html" | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$WORK/jar" -b "$WORK/jar" --data-urlencode "login=$LOGIN" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$TOKEN" "$N/login/"
[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "$N/api/me")" = 200 ] || { echo "login failed" >&2; exit 1; }
# wapiti's JSON cookie format (what wapiti-getcookie writes); an IP address is its own domain key
python3 - "$WORK/jar" "$WORK/cookies.json" "$N" <<'PY'
import json, sys, urllib.parse
host = urllib.parse.urlsplit(sys.argv[3]).hostname
value = [l.split("\t")[6].strip() for l in open(sys.argv[1]) if "\tgatehouse_session\t" in l][0]
cookie = {"value": value, "expires": None, "secure": False, "port": None, "version": 0}
json.dump({host if host[0].isdigit() else "." + host: {"/": {"gatehouse_session": cookie}}}, open(sys.argv[2], "w"))
PY

# wapiti 3.0.4 compiles every -x pattern to a regex ending in '\Z(?ms)', which Python 3.11
# refuses ("global flags not at the start"); the wrapper moves the flags to the front. It runs
# the Debian package under /usr/bin/python3 (where wapitiCore is installed).
run_wapiti() {
	/usr/bin/python3 - "$@" <<'PY'
import re, sys
import wapitiCore.net.crawler as crawler
def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")
crawler.wildcard_translate = wildcard_translate
from wapitiCore.main.wapiti import wapiti_main
sys.argv[0] = "wapiti"
sys.exit(wapiti_main())
PY
}

START=()
for p in /account/settings/password/ /account/settings/sessions/ /account/security-log/ /admin/ /admin/users/ \
	/admin/audit/ /admin/users/new /api/me /api/sessions /api/tokens /api/csrf /confirm/ /lost-password/; do
	START+=(-s "$N$p")
done
# logging out would end the scan's session; everything else stays in (destructive admin
# actions need a fresh password re-entry, which the scanner does not have)
run_wapiti -u "$N/" --scope folder -c "$WORK/cookies.json" \
	-m common,crlf,backup,htaccess,methods "${START[@]}" \
	-x "$N/logout/" -x "$N/api/logout" \
	--max-scan-time 300 --max-attack-time "${ATTACK_TIME:-120}" -t 10 --endpoint "$ENDPOINT" \
	--store-session "$WORK/session" --store-config "$WORK/config" --flush-session --no-bugreport -v 1 \
	-f json -o "$OUT/${NAME:-wapiti-report}.json" 2>&1 | tee "$OUT/${NAME:-wapiti-report}-console.txt"
# still logged in at the end?
echo "session after the scan: /api/me $(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" "$N/api/me")" | tee -a "$OUT/${NAME:-wapiti-report}-console.txt"
