#!/usr/bin/env bash
# The slow suites of XA and faults (issue 15, second half), on H2, PostgreSQL and MariaDB where they apply:
#   dev.athanor.xa.XaCrashRecoveryTest   forked JVMs halted mid two-phase commit, recovered by Narayana
#   dev.athanor.faults.BackendKillTest   every pooled backend killed twice under a 16-thread ORM load
#   dev.athanor.faults.PostgresRestartTest  a scratch PostgreSQL cluster (tools/pg-scratch.sh, port 5450) restarted
#                                        under load; stopped again at the end
# Called by .ci/run after the build (which installed the modules); needs .ci/xa.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/pg-scratch.sh start
trap 'tools/pg-scratch.sh stop || true' EXIT
mvn -B -ntp test -pl impl -Pall-databases \
    -Dtest='dev/athanor/xa/**,dev/athanor/faults/**' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgroups=slow -Dsurefire.db.groups='slow & database' -Dsurefire.excludedGroups=none
grep -h -o 'FAULTS [^<]*' impl/target/surefire-reports*/TEST-dev.athanor.faults.*.xml || true
