# Shared settings of the scale-out scripts (sourced, not run). Everything lives under $SCALEOUT_DIR, owned by the
# postgres user; the ports are the ones given to this work (5433-5449, 6432, 2379-2380, 8008-8012).
set -euo pipefail

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
PRIMARY_HOST=127.0.0.1
SCALEOUT_DIR=${SCALEOUT_DIR:-/var/tmp/athanor-scaleout}
REPLICA_PORTS=(5433 5434)

log() { printf '[scaleout] %s\n' "$*"; }

# Runs a command as the postgres user (PostgreSQL refuses to run as root).
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

psql_primary() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAtX "$@"; }

wait_until() { # seconds, description, command...
    local seconds=$1 what=$2; shift 2
    for _ in $(seq 1 $((seconds * 4))); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.25
    done
    log "ERROR: $what not reached within ${seconds}s"
    return 1
}

ensure_base_dir() {
    mkdir -p "$SCALEOUT_DIR"
    chown postgres:postgres "$SCALEOUT_DIR"
    chmod 0755 "$SCALEOUT_DIR"
}
