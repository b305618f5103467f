#!/usr/bin/env bash
# The slow suites (JUnit tag "slow", left out of the default build), on H2, PostgreSQL and MariaDB where they apply:
#   dev.athanor.xa.XaCrashRecoveryTest       forked JVMs halted mid two-phase commit, recovered by Narayana
#   dev.athanor.faults.BackendKillTest       every pooled backend killed twice under a 16-thread ORM load
#   dev.athanor.faults.PostgresRestartTest   a scratch PostgreSQL cluster (tools/pg-scratch.sh, port 5450) restarted
#                                            under load; stopped again at the end
#   dev.athanor.reliability.SoakTest         100,000 short transactions on 16 threads: exact data, no leak, flat heap
# Tests that are not tagged "database" as well (crash recovery, restart) run once, in the default execution; the others
# once per database. Called by .ci/run after the build (which installed the modules); needs .ci/xa.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."

printf '\n=== %s\n' "Slow suites (tag slow): XA crash recovery, faults, soak"
tools/pg-scratch.sh start
trap 'tools/pg-scratch.sh stop || true' EXIT
mvn -B -ntp test -pl impl -Pall-databases \
    -Dgroups=slow -Dsurefire.db.groups='slow & database' -Dsurefire.excludedGroups=none
grep -h -o 'FAULTS [^<]*' impl/target/surefire-reports*/TEST-dev.athanor.faults.*.xml || true
for figures in impl/target/soak-*.txt; do
    [ -f "$figures" ] && cat "$figures"
done
exit 0
