#!/usr/bin/env bash
# A Gatehouse cluster on one machine, everything on 127.0.0.1:
#   PostgreSQL (own temporary cluster), Redis, two gatehouse-server instances (a, b)
#   sharing both and one secret key, and nginx in front balancing over both.
#
#   ops/cluster.sh up | down | status
#   ops/cluster.sh kill a|b        SIGKILL one instance       ops/cluster.sh start a|b
#   ops/cluster.sh stop-redis | start-redis | stop-postgres | start-postgres
#
# Environment (defaults): CLUSTER_DIR=/tmp/gatehouse-cluster PG_PORT=55432 REDIS_PORT=56379
#   PORT_A=8081 PORT_B=8082 NGINX_PORT=8088 JAR=gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar
#   JAVA_OPTS="-Xmx256m -XX:TieredStopAtLevel=1" GATEHOUSE_OPTS (extra --options for both instances)
# Build the jar first: mvn -B -q -DskipTests package
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${CLUSTER_DIR:-/tmp/gatehouse-cluster}
PG_PORT=${PG_PORT:-55432}
REDIS_PORT=${REDIS_PORT:-56379}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
NGINX_PORT=${NGINX_PORT:-8088}
JAR=${JAR:-$ROOT/gatehouse-server/target/gatehouse-server-0.1.0-SNAPSHOT.jar}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
GATEHOUSE_OPTS=${GATEHOUSE_OPTS:-}
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_of() { case "$1" in a) echo "$PORT_A" ;; b) echo "$PORT_B" ;; *) echo "unknown instance $1" >&2; exit 2 ;; esac; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
health() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/health" 2>/dev/null || true; }

secret_key() {
	[ -f "$DIR/secret-key" ] || head -c 48 /dev/urandom | base64 | tr -d '\n/+=' | head -c 64 >"$DIR/secret-key"
	cat "$DIR/secret-key"
}

start_postgres() {
	if [ ! -d "$DIR/pg/data" ]; then
		mkdir -p "$DIR/pg"
		[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR/pg"
		as_pg "$PG_BIN/initdb" -D "$DIR/pg/data" -U gatehouse --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/pg-initdb.log"
		NEW_DB=1
	fi
	as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/postgres.log" -w -t 30 \
		-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/pg -c max_connections=100" start >/dev/null
	if [ "${NEW_DB:-0}" = 1 ]; then
		as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U gatehouse gatehouse
	fi
}

stop_postgres() {
	[ -f "$DIR/pg/data/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast -w stop >/dev/null || true
}

start_redis() {
	redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly yes --appendfsync everysec --daemonize yes \
		--pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR" >/dev/null
	for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
	echo "redis did not start" >&2; return 1
}

stop_redis() {
	if alive "$DIR/redis.pid"; then
		local pid; pid=$(cat "$DIR/redis.pid"); kill "$pid"
		for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	fi
	rm -f "$DIR/redis.pid"
}

start_instance() {
	local name=$1 port; port=$(port_of "$1")
	alive "$DIR/$name.pid" && return 0
	# shellcheck disable=SC2086
	nohup java $JAVA_OPTS -jar "$JAR" --server.port="$port" --gatehouse.secret-key="$(secret_key)" \
		--gatehouse.http.allowed-hosts=localhost,127.0.0.1 --gatehouse.http.proxies=1 \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/gatehouse" --spring.datasource.username=gatehouse \
		--gatehouse.session.redis-url="redis://127.0.0.1:$REDIS_PORT" --spring.mail.host=127.0.0.1 --spring.mail.port=1 --management.health.mail.enabled=false \
		--spring.datasource.hikari.connection-timeout=3000 \
		$GATEHOUSE_OPTS >>"$DIR/$name.log" 2>&1 &
	echo $! >"$DIR/$name.pid"
}

wait_health() {
	local name=$1 port; port=$(port_of "$1")
	for _ in $(seq 180); do
		[ "$(health "$port")" = 200 ] && return 0
		alive "$DIR/$name.pid" || { echo "instance $name died, see $DIR/$name.log" >&2; tail -20 "$DIR/$name.log" >&2; return 1; }
		sleep 1
	done
	echo "instance $name not healthy after 180 s" >&2; return 1
}

kill_instance() {
	alive "$DIR/$1.pid" && kill -KILL "$(cat "$DIR/$1.pid")" && sleep 0.5
	rm -f "$DIR/$1.pid"
}

stop_instance() {
	if alive "$DIR/$1.pid"; then
		local pid; pid=$(cat "$DIR/$1.pid"); kill "$pid"
		for _ in $(seq 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
		kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
	fi
	rm -f "$DIR/$1.pid"
}

start_nginx() {
	mkdir -p "$DIR/nginx/tmp"
	cat >"$DIR/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $DIR/nginx/access.log;
    client_body_temp_path $DIR/nginx/tmp/body;
    proxy_temp_path $DIR/nginx/tmp/proxy;
    fastcgi_temp_path $DIR/nginx/tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx/tmp/uwsgi;
    scgi_temp_path $DIR/nginx/tmp/scgi;
    client_max_body_size 2m;
    upstream gatehouse {
        server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=5s;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        server_name localhost 127.0.0.1;
        location / {
            proxy_pass http://gatehouse;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host \$host;
            proxy_connect_timeout 2s;
            proxy_read_timeout 30s;
            proxy_next_upstream error timeout;
            add_header X-Upstream \$upstream_addr always;
        }
    }
}
CONF
	nginx -c "$DIR/nginx/nginx.conf" -p "$DIR/nginx" -e "$DIR/nginx/error.log"
}

stop_nginx() {
	alive "$DIR/nginx/nginx.pid" && kill "$(cat "$DIR/nginx/nginx.pid")" && sleep 0.5
	rm -f "$DIR/nginx/nginx.pid"
}

status() {
	local rc=0
	printf '%-10s %-24s %s\n' COMPONENT ADDRESS STATE
	if as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then s=up; else s=down; rc=1; fi
	printf '%-10s %-24s %s\n' postgresql "127.0.0.1:$PG_PORT" "$s"
	if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then s=up; else s=down; rc=1; fi
	printf '%-10s %-24s %s\n' redis "127.0.0.1:$REDIS_PORT" "$s"
	for n in a b; do
		p=$(port_of $n); h=$(health "$p")
		[ "$h" = 200 ] && s="up (health 200)" || { s="down (health ${h:-none})"; rc=1; }
		printf '%-10s %-24s %s\n' "gatehouse-$n" "127.0.0.1:$p" "$s"
	done
	h=$(health "$NGINX_PORT"); [ "$h" = 200 ] && s="up (health 200)" || { s="down (${h:-none})"; rc=1; }
	printf '%-10s %-24s %s\n' nginx "127.0.0.1:$NGINX_PORT" "$s"
	return $rc
}

case "${1:-}" in
	up)
		[ -f "$JAR" ] || { echo "no $JAR: run mvn -B -q -DskipTests package" >&2; exit 1; }
		mkdir -p "$DIR"
		start_postgres
		alive "$DIR/redis.pid" || start_redis
		start_instance a
		wait_health a # first instance runs the Flyway migrations alone
		start_instance b
		wait_health b
		alive "$DIR/nginx/nginx.pid" || start_nginx
		status
		;;
	down)
		stop_nginx
		stop_instance a
		stop_instance b
		stop_redis
		stop_postgres
		echo "cluster down (data kept in $DIR; rm -rf it for a fresh start)"
		;;
	status) status ;;
	kill) kill_instance "$2" ;;
	start) start_instance "$2"; wait_health "$2" ;;
	stop) stop_instance "$2" ;;
	stop-redis) stop_redis ;;
	start-redis) start_redis ;;
	stop-postgres) stop_postgres ;;
	start-postgres) start_postgres ;;
	*) sed -n '2,14p' "$0"; exit 2 ;;
esac
