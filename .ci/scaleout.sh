#!/usr/bin/env bash
# Scale-out suite (issue 16): installs what it needs from Debian, starts the servers of ops/scaleout (streaming
# replicas of the 5432 cluster, PgBouncer, a Patroni cluster with etcd), runs the tests tagged "scaleout" (which the
# plain build leaves out) and stops the servers again. Runs after the main build (the artifacts are installed).
# As root on a fresh machine (CI=true, no stdin); on a developer machine it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n=== %s\n' "$*"; }

packages=(pgbouncer patroni etcd-server)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    log "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

cleanup() {
    ops/scaleout/patroni.sh down || true
    ops/scaleout/pgbouncer.sh down || true
    ops/scaleout/replicas.sh down || true
}
trap cleanup EXIT

log "Streaming replicas of 127.0.0.1:5432 on 5433 and 5434"
ops/scaleout/replicas.sh up 2

log "PgBouncer (transaction pooling, 8 server connections) on 6432"
ops/scaleout/pgbouncer.sh up

log "Patroni cluster (3 nodes on 5440-5442, REST 8008-8010) with etcd on 2379/2380"
ops/scaleout/patroni.sh up

log "Scale-out tests (tag scaleout) on PostgreSQL"
mvn -B -ntp test -pl impl -Dgroups=scaleout -Dathanor.excludedGroups=none
