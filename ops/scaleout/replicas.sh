#!/usr/bin/env bash
# Streaming replicas of the PostgreSQL cluster on 127.0.0.1:5432: replica 1 on port 5433, replica 2 on 5434.
#
#   ops/scaleout/replicas.sh up [N]      make (pg_basebackup -R -X stream) and start replicas 1..N (default 2)
#   ops/scaleout/replicas.sh start I     start replica I (after stop)
#   ops/scaleout/replicas.sh stop I      stop replica I (fast shutdown), keeping its data directory and slot
#   ops/scaleout/replicas.sh down        stop every replica and drop its replication slot
#   ops/scaleout/replicas.sh destroy     stop every replica and delete its data directory
#   ops/scaleout/replicas.sh status      one line per replica
#
# Idempotent: "up" leaves a running, streaming replica alone. Each replica streams through a physical replication
# slot (athanor_scaleout_replicaN) so that a replica stopped by a test finds its WAL again when it restarts, however
# much other clients write meanwhile; "down" and "destroy" drop the slots, so nothing holds WAL on the primary after. Needs a "host replication" line for 127.0.0.1 in the
# primary's pg_hba.conf (added here if missing, then the primary reloads its configuration; it is never restarted and
# no other setting changes). Debian keeps a cluster's configuration in /etc, so each replica gets a small
# postgresql.conf of its own: port, listen address, socket directory, hba_file, and the settings a hot standby must
# not have lower than its primary (max_connections, max_prepared_transactions, ...), copied from the primary.
source "$(dirname "$0")/common.sh"

replica_dir() { echo "$SCALEOUT_DIR/replica$1"; }
slot_name() { echo "athanor_scaleout_replica$1"; }
slot_exists() { [ "$(psql_primary -c "SELECT 1 FROM pg_replication_slots WHERE slot_name = '$(slot_name "$1")'")" = 1 ]; }
drop_slot() { psql_primary -c "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots
    WHERE slot_name = '$(slot_name "$1")' AND NOT active" >/dev/null; }
replica_port() { echo "${REPLICA_PORTS[$(($1 - 1))]}"; }

ensure_replication_hba() {
    local hba
    hba=$(psql_primary -c "SHOW hba_file")
    if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+[^[:space:]]+[[:space:]]+127\.0\.0\.1' "$hba"; then
        log "adding 'host replication all 127.0.0.1/32 trust' to $hba and reloading the primary"
        printf '\n# added by athanor ops/scaleout/replicas.sh: streaming replicas on this machine\nhost replication all 127.0.0.1/32 trust\n' >> "$hba"
        psql_primary -c "SELECT pg_reload_conf()" >/dev/null
        sleep 0.5
    fi
}

is_running() { as_postgres "$PG_BIN/pg_ctl" -D "$(replica_dir "$1")" status >/dev/null 2>&1; }

is_streaming() {
    psql -h 127.0.0.1 -p "$(replica_port "$1")" -U postgres -d postgres -qAtX \
        -c "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null | grep -q streaming
}

write_config() { # replica number
    local n=$1 dir port
    dir=$(replica_dir "$n"); port=$(replica_port "$n")
    local settings
    settings=$(psql_primary -F '=' -c "SELECT name, setting FROM pg_settings WHERE name IN ('max_connections',
        'max_prepared_transactions', 'max_locks_per_transaction', 'max_wal_senders', 'max_worker_processes')")
    mkdir -p "$dir/run"
    cat > "$dir/postgresql.conf" <<CONF
# replica $n of 127.0.0.1:$PRIMARY_PORT (written by ops/scaleout/replicas.sh)
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir/run'
hba_file = '$dir/pg_hba.conf'
ident_file = '$dir/pg_ident.conf'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 32MB
logging_collector = off
$(echo "$settings" | sed 's/=/ = /')
CONF
    printf 'local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n' > "$dir/pg_hba.conf"
    : > "$dir/pg_ident.conf"
    chown -R postgres:postgres "$dir"
}

start_one() {
    local n=$1 dir
    dir=$(replica_dir "$n")
    if is_running "$n"; then return 0; fi
    as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start >/dev/null
    wait_until 30 "replica $n streaming" is_streaming "$n"
    log "replica $n streaming on port $(replica_port "$n")"
}

up_one() {
    local n=$1 dir
    dir=$(replica_dir "$n")
    if is_running "$n" && is_streaming "$n"; then
        log "replica $n already streaming on port $(replica_port "$n")"
        return 0
    fi
    if [ ! -f "$dir/standby.signal" ] || ! slot_exists "$n"; then
        is_running "$n" && as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m immediate stop >/dev/null || true
        rm -rf "$dir"
        drop_slot "$n"
        log "pg_basebackup of 127.0.0.1:$PRIMARY_PORT into $dir (replication slot $(slot_name "$n"))"
        as_postgres pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$dir" -R -X stream \
            -C -S "$(slot_name "$n")" -c fast --no-sync
        rm -f "$dir/postmaster.pid" "$dir/postmaster.opts"
        write_config "$n"
    fi
    if ! start_one "$n"; then
        # A standby that cannot catch up (its WAL was recycled on the primary) is made again from a new backup.
        log "replica $n does not stream; making it again"
        as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
        rm -f "$dir/standby.signal"
        up_one "$n"
    fi
}

stop_one() {
    local n=$1
    if is_running "$n"; then
        as_postgres "$PG_BIN/pg_ctl" -D "$(replica_dir "$n")" -m fast -w stop >/dev/null
        log "replica $n stopped"
    fi
}

ensure_base_dir
case "${1:-status}" in
    up)
        ensure_replication_hba
        for n in $(seq 1 "${2:-2}"); do up_one "$n"; done ;;
    start) start_one "${2:?replica number}" ;;
    stop) stop_one "${2:?replica number}" ;;
    down)
        # the slots go too: a stopped replica must not hold WAL back on the shared primary (the next "up" makes it again)
        for n in 1 2; do [ -d "$(replica_dir "$n")" ] && stop_one "$n"; drop_slot "$n"; done; true ;;
    destroy)
        for n in 1 2; do
            if [ -d "$(replica_dir "$n")" ]; then
                as_postgres "$PG_BIN/pg_ctl" -D "$(replica_dir "$n")" -m immediate stop >/dev/null 2>&1 || true
                rm -rf "$(replica_dir "$n")"
            fi
            drop_slot "$n"
        done ;;
    status)
        for n in 1 2; do
            if is_running "$n" && is_streaming "$n"; then s=streaming; elif is_running "$n"; then s=running; else s=stopped; fi
            echo "replica $n port $(replica_port "$n"): $s"
        done ;;
    *) echo "usage: $0 up [N] | start I | stop I | down | destroy | status" >&2; exit 2 ;;
esac
