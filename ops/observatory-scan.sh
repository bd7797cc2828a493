#!/usr/bin/env bash
# Grades Gatehouse with Mozilla's HTTP Observatory, offline, the way a production site is deployed:
# nginx terminates TLS on 127.0.0.1:443 (certificate from a throwaway local CA), redirects :80 to
# HTTPS, and proxies to the server in production mode with gatehouse.http.proxies=1.
# Needs: root (ports 80/443), nginx, openssl, node + npm (the scanner is installed with npm).
# Usage: ops/observatory-scan.sh   (after mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar
WORK=$(mktemp -d)
PORT=18080
cleanup() {
  [[ -f $WORK/nginx.pid ]] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [[ -n ${SERVER_PID:-} ]] && kill "$SERVER_PID" 2>/dev/null || true
}
trap cleanup EXIT

# A local CA and a certificate for localhost, trusted only by the scanner (NODE_EXTRA_CA_CERTS).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=Gatehouse test CA" \
  -keyout "$WORK/ca.key" -out "$WORK/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=localhost" \
  -keyout "$WORK/server.key" -out "$WORK/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > "$WORK/ext.cnf"
openssl x509 -req -in "$WORK/server.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 2 \
  -extfile "$WORK/ext.cnf" -out "$WORK/server.pem" 2>/dev/null

java -jar "$JAR" --server.port=$PORT --server.address=127.0.0.1 --gatehouse.mode=production \
  --gatehouse.secret-key="$(head -c 48 /dev/urandom | base64 | tr -d '/+=')" \
  --gatehouse.http.allowed-hosts=localhost --gatehouse.http.proxies=1 --gatehouse.data-directory="$WORK/data" \
  "--spring.datasource.url=jdbc:h2:file:$WORK/data/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
  > "$WORK/server.log" 2>&1 &
SERVER_PID=$!

cat > "$WORK/nginx.conf" <<NGINX
daemon on;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events {}
http {
  access_log off;
  server_tokens off;
  server { listen 127.0.0.1:80; server_name localhost; return 301 https://\$host\$request_uri; }
  server {
    listen 127.0.0.1:443 ssl;
    server_name localhost;
    ssl_certificate $WORK/server.pem;
    ssl_certificate_key $WORK/server.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://127.0.0.1:$PORT;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
    }
  }
}
NGINX
nginx -c "$WORK/nginx.conf"

for _ in $(seq 1 180); do
  curl -sf --cacert "$WORK/ca.pem" https://localhost/health > /dev/null && break
  sleep 1
done

SCANNER=${OBSERVATORY_DIR:-$WORK/observatory}
if [[ ! -x $SCANNER/node_modules/.bin/mdn-http-observatory-scan ]]; then
  mkdir -p "$SCANNER"
  (cd "$SCANNER" && npm install --ignore-scripts --silent @mdn/mdn-http-observatory >/dev/null 2>&1)
fi
# --ignore-scripts skips the step that downloads the HSTS preload list; an empty list is enough offline
PRELOAD=$SCANNER/node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
[[ -f $PRELOAD ]] || echo '{}' > "$PRELOAD"

# src/scan.js directly: the bin wrapper would replace NODE_EXTRA_CA_CERTS with its own bundle
NODE_EXTRA_CA_CERTS="$WORK/ca.pem" node "$SCANNER/node_modules/@mdn/mdn-http-observatory/src/scan.js" localhost \
  2>/dev/null > "$WORK/scan.json"
python3 - "$WORK/scan.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
s = d["scan"]
print(f"grade {s['grade']}  score {s['score']}  passed {s['testsPassed']}/{s['testsQuantity']}")
for name, t in d["tests"].items():
    print(f"  {'pass' if t['pass'] else 'FAIL'}  {name:32} {t['result']} ({t['scoreModifier']:+d})")
PY
