#!/usr/bin/env bash
# The slow reliability suites (JUnit tag "slow": soak, fault and crash-recovery tests), on H2, PostgreSQL and MariaDB.
# Called by .ci/run after the main build, with PostgreSQL and MariaDB already up; the default build excludes them.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '\n=== %s\n' "Slow reliability tests (tag slow) on H2, PostgreSQL and MariaDB"
mvn -B -ntp install -Pall-databases -Dgroups=slow -Dsurefire.db.groups=slow -Dsurefire.excludedGroups=none
for figures in impl/target/soak-*.txt; do
    [ -f "$figures" ] && cat "$figures"
done
exit 0
