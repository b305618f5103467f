#!/usr/bin/env bash
# PgBouncer (Debian's package) on 127.0.0.1:6432 in transaction pooling mode in front of 127.0.0.1:5432: every
# database of the cluster ("*"), at most 8 server connections per database (default_pool_size, max_db_connections),
# up to 200 clients.
#
#   ops/scaleout/pgbouncer.sh up | down | status
#
# Idempotent. Runs as the postgres user (PgBouncer refuses root). Clients must not use server-side prepared
# statements (pgJDBC: prepareThreshold=0), since consecutive transactions of one client may run on different server
# connections; see README "Scaling out".
source "$(dirname "$0")/common.sh"

DIR="$SCALEOUT_DIR/pgbouncer"
PORT=6432

is_running() { [ -f "$DIR/pgbouncer.pid" ] && kill -0 "$(cat "$DIR/pgbouncer.pid")" 2>/dev/null; }

up() {
    if is_running; then
        log "pgbouncer already running on port $PORT"
        return 0
    fi
    mkdir -p "$DIR"
    cat > "$DIR/pgbouncer.ini" <<INI
;; written by ops/scaleout/pgbouncer.sh
[databases]
* = host=$PRIMARY_HOST port=$PRIMARY_PORT

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PORT
unix_socket_dir = $DIR
auth_type = trust
auth_file = $DIR/userlist.txt
admin_users = postgres
stats_users = postgres
pool_mode = transaction
default_pool_size = 8
max_db_connections = 8
min_pool_size = 0
reserve_pool_size = 0
max_client_conn = 200
; pgJDBC sends extra_float_digits at start-up; PgBouncer 1.18 does not track it
ignore_startup_parameters = extra_float_digits
server_reset_query = DISCARD ALL
logfile = $DIR/pgbouncer.log
pidfile = $DIR/pgbouncer.pid
INI
    echo '"postgres" ""' > "$DIR/userlist.txt"
    chown -R postgres:postgres "$DIR"
    as_postgres pgbouncer -d "$DIR/pgbouncer.ini"
    wait_until 20 "pgbouncer on port $PORT" psql -h 127.0.0.1 -p "$PORT" -U postgres -d pgbouncer -qAtX -c "SHOW VERSION"
    log "pgbouncer on port $PORT ($(psql -h 127.0.0.1 -p "$PORT" -U postgres -d pgbouncer -qAtX -c 'SHOW VERSION' | head -n 1))"
}

down() {
    if is_running; then
        kill "$(cat "$DIR/pgbouncer.pid")"
        wait_until 20 "pgbouncer stopped" bash -c "! kill -0 $(cat "$DIR/pgbouncer.pid") 2>/dev/null"
        log "pgbouncer stopped"
    fi
}

ensure_base_dir
case "${1:-status}" in
    up) up ;;
    down) down ;;
    status) if is_running; then echo "pgbouncer on port $PORT: running"; else echo "pgbouncer: stopped"; fi ;;
    *) echo "usage: $0 up | down | status" >&2; exit 2 ;;
esac
