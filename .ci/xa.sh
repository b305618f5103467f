#!/usr/bin/env bash
# XA needs prepared transactions on PostgreSQL: sets max_prepared_transactions (ALTER SYSTEM, then a restart of the
# cluster, since the setting only takes effect at server start) when it is 0, as on a fresh Debian cluster.
# Idempotent: a server that already allows prepared transactions is left alone (and not restarted).
# Called by .ci/run before the build, after PostgreSQL accepts connections.
set -euo pipefail

psql_() { psql -h 127.0.0.1 -U postgres -d postgres -tAc "$1"; }

current=$(psql_ "SHOW max_prepared_transactions")
if [ "$current" != "0" ]; then
    echo "PostgreSQL max_prepared_transactions = $current (XA ready)"
    exit 0
fi
echo "PostgreSQL max_prepared_transactions = 0: setting 64 and restarting the cluster"
psql_ "ALTER SYSTEM SET max_prepared_transactions = 64"
version=$(ls /etc/postgresql | sort -V | tail -n 1)
pg_ctlcluster --skip-systemctl-redirect "$version" main restart
for _ in $(seq 1 60); do
    if psql_ "SELECT 1" >/dev/null 2>&1; then
        break
    fi
    sleep 1
done
current=$(psql_ "SHOW max_prepared_transactions")
if [ "$current" = "0" ]; then
    echo "ERROR: max_prepared_transactions is still 0 after the restart" >&2
    exit 1
fi
echo "PostgreSQL max_prepared_transactions = $current (XA ready)"
