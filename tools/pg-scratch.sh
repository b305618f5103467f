#!/usr/bin/env bash
# A scratch PostgreSQL cluster for the fault suite (a server the tests may restart under load, never the shared one
# on 5432): cluster "faults" of the installed PostgreSQL major version on 127.0.0.1:5450, trust authentication for
# local TCP connections, database athanor_faults. Needs root (or the postgres user) and Debian's postgresql-common.
#
#   tools/pg-scratch.sh start     create the cluster if needed, start it if stopped, create the database (idempotent)
#   tools/pg-scratch.sh restart   restart it (what the fault suite does during load)
#   tools/pg-scratch.sh stop      stop it if running
#   tools/pg-scratch.sh drop      stop and delete it (idempotent)
#   tools/pg-scratch.sh status    prints online/down/absent
set -euo pipefail

PORT=${ATHANOR_SCRATCH_PG_PORT:-5450}
NAME=faults
DATABASE=athanor_faults
VERSION=$(ls /etc/postgresql | sort -V | tail -n 1)

exists() { [ -d "/etc/postgresql/$VERSION/$NAME" ]; }
online() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" status >/dev/null 2>&1; }
ctl() { pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" "$@"; }
wait_ready() {
    for _ in $(seq 1 60); do
        if pg_isready -h 127.0.0.1 -p "$PORT" -q; then
            return 0
        fi
        sleep 0.5
    done
    echo "ERROR: the scratch cluster on port $PORT is not ready after 30 s" >&2
    return 1
}

case "${1:-}" in
    start)
        if ! exists; then
            pg_createcluster "$VERSION" "$NAME" -p "$PORT" -- --auth-local=trust --auth-host=trust >/dev/null
            # listen on the loopback only; no prepared transactions needed here
            echo "listen_addresses = '127.0.0.1'" >> "/etc/postgresql/$VERSION/$NAME/postgresql.conf"
        fi
        if ! online; then
            ctl start
        fi
        wait_ready
        if [ "$(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
                "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
            psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE $DATABASE"
        fi
        echo "scratch PostgreSQL $VERSION/$NAME online on 127.0.0.1:$PORT, database $DATABASE"
        ;;
    restart)
        ctl restart
        wait_ready
        ;;
    stop)
        if exists && online; then
            ctl stop
        fi
        ;;
    drop)
        if exists; then
            pg_dropcluster --stop "$VERSION" "$NAME"
        fi
        ;;
    status)
        if ! exists; then echo absent; elif online; then echo online; else echo down; fi
        ;;
    *)
        echo "usage: $0 start|restart|stop|drop|status" >&2
        exit 2
        ;;
esac
