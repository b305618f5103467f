#!/usr/bin/env bash
# Application servers in CI (issue 12): the CDI TCK and the quickstart WAR's HTTP tests inside WildFly, on the
# PostgreSQL database athanor_test that .ci/run prepared. The server comes from the Maven registry
# (org.wildfly:wildfly-dist, unpacked into target/servers), Arquillian's managed container starts and stops it.
# Run after the main build (it uses the installed artifacts). SERVER_PROFILES overrides the profiles, e.g.
# SERVER_PROFILES=servers for WildFly, Payara Micro and Open Liberty (see the README's server table for the times).
set -euo pipefail
cd "$(dirname "$0")/.."

profiles="${SERVER_PROFILES:-wildfly}"
printf '\n=== Application servers: -P%s\n' "$profiles"
start=$(date +%s)
mvn -B -ntp verify -pl tck-tests,quickstart -P"$profiles"
echo "application servers (-P$profiles): $(( $(date +%s) - start )) s"

# The server runs' own line, from their reports (TEST-<class>-<server>.xml; the quickstart's server tests are
# Failsafe's, outside the Surefire summary of .ci/run).
servers=$(echo "$profiles" | sed 's/servers/wildfly,payara,liberty/' | tr ',' ' ')
for server in $servers; do
    find tck-tests/target/surefire-reports quickstart/target/failsafe-reports -name "TEST-*-$server.xml" -print0 \
        2>/dev/null
done | xargs -0 -r grep -h -o '<testsuite [^>]*>' \
    | awk '{
        for (i = 1; i <= NF; i++) {
            if ($i ~ /^tests=/) { gsub(/[^0-9]/, "", $i); t += $i }
            if ($i ~ /^failures=/) { gsub(/[^0-9]/, "", $i); f += $i }
            if ($i ~ /^errors=/) { gsub(/[^0-9]/, "", $i); e += $i }
            if ($i ~ /^skipped=/) { gsub(/[^0-9]/, "", $i); s += $i }
        }
    } END { printf "Servers: %d passed, %d failed, %d skipped\n", t - f - e - s, f + e, s }'
