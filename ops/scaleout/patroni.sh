#!/usr/bin/env bash
# A three-node Patroni cluster ("athanor") with a one-member etcd, all on 127.0.0.1:
#   etcd         client 2379, peer 2380
#   node1..3     PostgreSQL 5440, 5441, 5442; Patroni REST API 8008, 8009, 8010
#
#   ops/scaleout/patroni.sh up        start etcd and the nodes; wait for a leader and two streaming replicas;
#                                     create the database athanor_failover
#   ops/scaleout/patroni.sh down      stop the nodes (Patroni stops its PostgreSQL) and etcd, keeping the data
#   ops/scaleout/patroni.sh destroy   down, then delete every data directory (the next "up" bootstraps anew)
#   ops/scaleout/patroni.sh status    the cluster as Patroni's REST API reports it
#
# Idempotent. Patroni, etcd and PostgreSQL run as the postgres user. The superuser's password is "athanor" (initdb
# needs one); pg_hba trusts 127.0.0.1, so clients connect without it. The dynamic configuration favours fast
# failover on one machine: ttl 10 s, loop_wait 1 s, retry_timeout 4 s, and primary_start_timeout 0 (a primary whose
# postmaster dies is not restarted in place: a replica is promoted at once). Synchronous replication is switched on
# and off by the tests through the REST API (PATCH /config {"synchronous_mode": true}).
source "$(dirname "$0")/common.sh"

DIR="$SCALEOUT_DIR/patroni"
NODES=(1 2 3)
pg_port() { echo $((5439 + $1)); }
api_port() { echo $((8007 + $1)); }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_background() { # pidfile, logfile, command...
    local pidfile=$1 logfile=$2; shift 2
    chown postgres:postgres "$(dirname "$pidfile")"
    as_postgres setsid bash -c 'pidfile=$0 logfile=$1; shift; echo $$ > "$pidfile"; exec "$@" >> "$logfile" 2>&1' \
        "$pidfile" "$logfile" "$@" < /dev/null &
    for _ in $(seq 1 40); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
    log "ERROR: $* did not start"; return 1
}

etcd_up() {
    mkdir -p "$DIR/etcd"
    chown -R postgres:postgres "$DIR"
    if running "$DIR/etcd/etcd.pid"; then return 0; fi
    start_background "$DIR/etcd/etcd.pid" "$DIR/etcd/etcd.log" etcd --name athanor --data-dir "$DIR/etcd/data" \
        --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
        --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
        --initial-cluster athanor=http://127.0.0.1:2380 --initial-cluster-state new
    wait_until 30 "etcd on 2379" curl -sf http://127.0.0.1:2379/health
    log "etcd on 2379 ($(curl -s http://127.0.0.1:2379/version))"
}

write_node_config() { # node number
    local n=$1 dir="$DIR/node$1"
    mkdir -p "$dir"
    cat > "$dir/patroni.yml" <<YAML
# node $n of the Patroni cluster "athanor" (written by ops/scaleout/patroni.sh)
scope: athanor
namespace: /athanor-scaleout/
name: node$n
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$(api_port "$n")
  connect_address: 127.0.0.1:$(api_port "$n")
etcd3:
  hosts: 127.0.0.1:2379
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    primary_start_timeout: 0
    synchronous_mode: false
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 100
        max_wal_senders: 10
        max_replication_slots: 10
        shared_buffers: 32MB
        wal_keep_size: 128MB
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:$(pg_port "$n")
  connect_address: 127.0.0.1:$(pg_port "$n")
  data_dir: $dir/data
  bin_dir: $PG_BIN
  # here and not only under bootstrap: Patroni then writes pg_hba.conf at every start, also on a node that was
  # rewound or made again after a failover (Patroni 3.0.2 left such a node with an empty pg_hba.conf otherwise)
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication all 127.0.0.1/32 trust
  pgpass: $dir/pgpass
  authentication:
    superuser:
      username: postgres
      password: athanor
    replication:
      username: postgres
      password: athanor
    rewind:
      username: postgres
      password: athanor
  parameters:
    unix_socket_directories: $dir
tags:
  nofailover: false
  noloadbalance: false
YAML
    chown -R postgres:postgres "$dir"
}

cluster_json() { curl -sf "http://127.0.0.1:$(api_port "$1")/cluster"; }

healthy() { # a leader and two replicas streaming
    local json
    json=$(cluster_json 1 2>/dev/null || cluster_json 2 2>/dev/null || cluster_json 3 2>/dev/null) || return 1
    /usr/bin/python3 - "$json" <<'PY'
import json, sys
members = json.loads(sys.argv[1])["members"]
leaders = [m for m in members if m["role"] == "leader" and m["state"] == "running"]
replicas = [m for m in members if m["role"] in ("replica", "sync_standby") and m["state"] in ("streaming", "running")
            and m.get("lag", 0) in (0, "0")]
sys.exit(0 if len(leaders) == 1 and len(replicas) == 2 else 1)
PY
}

leader_port() {
    local json
    json=$(cluster_json 1 2>/dev/null || cluster_json 2 2>/dev/null || cluster_json 3 2>/dev/null)
    /usr/bin/python3 -c 'import json,sys; print([m["port"] for m in json.loads(sys.argv[1])["members"] if m["role"] == "leader"][0])' "$json"
}

# A replica that cannot rejoin (its pg_rewind was cut short when the leader it rewound from died too) stays in
# "starting" or "start failed" for ever; Patroni's own remedy is to make it again from the leader.
reinitialize_broken() {
    local json
    json=$(cluster_json 1 2>/dev/null || cluster_json 2 2>/dev/null || cluster_json 3 2>/dev/null) || return 0
    for api in $(/usr/bin/python3 -c 'import json,sys
for m in json.loads(sys.argv[1])["members"]:
    if m["role"] != "leader" and m["state"] != "running":
        print(m["api_url"].rsplit("/", 1)[0])' "$json"); do
        log "reinitializing the replica at $api"
        curl -sf -XPOST -d '{"force": true}' "$api/reinitialize" || true
    done
}

up() {
    etcd_up
    for n in "${NODES[@]}"; do
        write_node_config "$n"
        if ! running "$DIR/node$n/patroni.pid"; then
            start_background "$DIR/node$n/patroni.pid" "$DIR/node$n/patroni.log" patroni "$DIR/node$n/patroni.yml"
        fi
    done
    for i in $(seq 1 360); do
        healthy && break
        if [ "$i" = 120 ]; then reinitialize_broken; fi
        for n in "${NODES[@]}"; do
            if ! running "$DIR/node$n/patroni.pid"; then
                log "ERROR: Patroni node$n exited; the end of $DIR/node$n/patroni.log:"
                tail -n 20 "$DIR/node$n/patroni.log"
                return 1
            fi
        done
        if [ "$i" = 360 ]; then log "ERROR: no leader with two streaming replicas within 180 s"; return 1; fi
        sleep 0.5
    done
    local port
    port=$(leader_port)
    if [ "$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtX -c "SELECT 1 FROM pg_database WHERE datname = 'athanor_failover'")" != 1 ]; then
        psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAtX -c "CREATE DATABASE athanor_failover"
    fi
    log "Patroni cluster up: leader on port $port"
}

down() {
    for n in "${NODES[@]}"; do
        if running "$DIR/node$n/patroni.pid"; then
            kill "$(cat "$DIR/node$n/patroni.pid")"
        fi
    done
    for n in "${NODES[@]}"; do
        wait_until 60 "node$n stopped" bash -c "! kill -0 \$(cat '$DIR/node$n/patroni.pid' 2>/dev/null || echo 999999) 2>/dev/null" || true
    done
    if running "$DIR/etcd/etcd.pid"; then
        kill "$(cat "$DIR/etcd/etcd.pid")"
        wait_until 30 "etcd stopped" bash -c "! kill -0 $(cat "$DIR/etcd/etcd.pid") 2>/dev/null" || true
    fi
    log "Patroni cluster and etcd stopped"
}

ensure_base_dir
case "${1:-status}" in
    up) up ;;
    down) down ;;
    destroy) down; rm -rf "$DIR" ;;
    status) cluster_json 1 || cluster_json 2 || cluster_json 3 || echo "no Patroni node answers" ;;
    leader-port) leader_port ;;
    *) echo "usage: $0 up | down | destroy | status | leader-port" >&2; exit 2 ;;
esac
