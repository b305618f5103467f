#!/usr/bin/env bash
# Issue 14's measurements, one command: the six ORM workloads with Athanor, Hibernate and JDBC in one JMH run per
# database (with -prof gc; load 1,000 and selectin also with the hand-written floor, jdbcTracked), on PostgreSQL
# paired runs of load 1,000 and selectin (out-dir/paired-postgresql.txt) and of the round-trip gap
# (out-dir/paired-gap-postgresql.txt), the warm-up runs, the cold start over 10 forks; then the tables and the chart.
#   benchmarks/scripts/issue14.sh [out-dir] [databases]     e.g. benchmarks/scripts/issue14.sh /tmp/issue14 h2,postgresql
# Set BENCH_DB (default athanor_bench) to the PostgreSQL/MariaDB database to use, JAR to another jar; build it first
# (mvn -q -pl benchmarks -am package -DskipTests). The load average is logged every 30 s to out-dir/load.log.
# For a quick check that everything runs (figures meaningless), shorten the runs and keep the committed chart:
#   MAIN_OPTS='-wi 0 -i 1 -r 1 -f 1' WARMUP_OPTS='-wi 0 -i 2 -r 1 -f 1' COLD_FORKS=1 CHART=/tmp/ratios.svg \
#       benchmarks/scripts/issue14.sh /tmp/issue14-smoke h2
set -euo pipefail
out=$(realpath -m "${1:-/tmp/issue14}")
dbs=${2:-h2,postgresql}
[ -n "${JAR:-}" ] && JAR=$(realpath -m "$JAR")
[ -n "${CHART:-}" ] && CHART=$(realpath -m "$CHART")
cd "$(dirname "$0")/../.."   # the repository root: the default jar, the scripts and the chart are named from there
jar=${JAR:-benchmarks/target/benchmarks.jar}
main_opts=${MAIN_OPTS:--wi 3 -w 2 -i 4 -r 2 -f 1}
warmup_opts=${WARMUP_OPTS:--wi 0 -i 10 -r 1 -f 2}
cold_forks=${COLD_FORKS:-10}
chart=${CHART:-benchmarks/ratios.svg}
[ -f "$jar" ] || { echo "no $jar: build it first (mvn -q -pl benchmarks -am package -DskipTests)" >&2; exit 1; }
mkdir -p "$out"
( while true; do echo "$(date -u +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 30; done ) >> "$out/load.log" &
logger=$!
trap 'kill $logger' EXIT
java_opts=(-Dathanor.bench.database="${BENCH_DB:-athanor_bench}")
# JMH_IGNORE_LOCK=1: run even if another JMH run holds /tmp/jmh.lock (a shared machine; say so with the figures)
[ -n "${JMH_IGNORE_LOCK:-}" ] && java_opts+=(-Djmh.ignoreLock=true)
workloads='OrmVsHibernateBenchmark\.(getByPk|load1000|insertOne|update1000)_(athanor|hibernate|jdbc)$|OrmVsHibernateBenchmark\.load1000_jdbcTracked$|OrmVsHibernateBenchmark\.insert10000_(athanor|hibernate|hibernateSequence|jdbc)$|RelationshipBenchmark\.loadSelectin100_(athanor|hibernate|jdbc|jdbcTracked)$'
for db in ${dbs//,/ }; do
    selected=$workloads
    [ "$db" = mariadb ] && selected=${workloads%|RelationshipBenchmark*}   # the relationship tables need identity DDL
    java "${java_opts[@]}" -jar "$jar" "$selected" -p db="$db" $main_opts -prof gc -prof dev.athanor.benchmarks.CpuTimeProfiler \
        -rf json -rff "$out/main-$db.json" | tee "$out/main-$db.txt"
done
if [[ ",$dbs," == *,postgresql,* ]]; then
    # Paired runs (Interleaved: the variants in turns in one JVM, so that they meet the same load), three each: the
    # client CPU per call and the wall time, for the two workloads whose PostgreSQL target single JMH runs cannot
    # resolve on a small shared machine
    for run in 1 2 3; do
        java "${java_opts[@]}" -cp "$jar" dev.athanor.benchmarks.Interleaved postgresql OrmDatabase \
            OrmVsHibernateBenchmark 150 24 load1000_athanor load1000_jdbcTracked load1000_jdbc
        java "${java_opts[@]}" -cp "$jar" dev.athanor.benchmarks.Interleaved postgresql RelationshipDatabase \
            RelationshipBenchmark 150 24 loadSelectin100_athanor loadSelectin100_jdbcTracked loadSelectin100_jdbc
    done 2>&1 | grep ' median ' | tee "$out/paired-postgresql.txt"
    # What client work between the last row and the next round trip costs in wall time here (no ORM: JDBC plus a
    # spin of N µs before the ROLLBACK), three paired runs: the penalty the wall-time ratios above carry
    for run in 1 2 3; do
        java "${java_opts[@]}" -cp "$jar" dev.athanor.benchmarks.Interleaved postgresql OrmDatabase \
            RoundTripGapBenchmark 150 24 gap200_jdbc gap100_jdbc gap50_jdbc gap25_jdbc gap10_jdbc gap0_jdbc
    done 2>&1 | grep ' median ' | tee "$out/paired-gap-postgresql.txt"
fi
java "${java_opts[@]}" -jar "$jar" 'OrmVsHibernateBenchmark\.(getByPk|load1000)_(athanor|hibernate|jdbc)$' -p db=h2 \
    $warmup_opts -rf json -rff "$out/warmup-h2.json" | tee "$out/warmup-h2.txt"
java "${java_opts[@]}" -jar "$jar" 'OrmBootBenchmark\.boot50AndGet_' -f "$cold_forks" -rf json -rff "$out/cold.json" \
    | tee "$out/cold.txt"
python3 benchmarks/scripts/ratio_chart.py "$out"/main-*.json -o "$chart" > "$out/tables.md"
python3 benchmarks/scripts/ratio_chart.py --warmup "$out/warmup-h2.json" > "$out/warmup.md"
python3 benchmarks/scripts/ratio_chart.py --cold "$out/cold.json" > "$out/cold.md"
cat "$out/tables.md" "$out/warmup.md" "$out/cold.md"
