package dev.athanor.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

/**
 * What client work between two round trips costs in wall time on this machine, with no ORM at all: the JDBC
 * baseline of {@code OrmVsHibernateBenchmark.load1000_jdbc} (a 1,000-row SELECT read with typed getters, then
 * ROLLBACK), with the client busy for a fixed time (a spin on {@link System#nanoTime()}: no allocation, no system
 * call) between the last row and the ROLLBACK. {@code gapN_jdbc} spins N µs. Where a core's wake-up costs nothing
 * the wall time grows by N; where the server's idle core has to be woken by the hypervisor (a virtual machine),
 * it grows by more, and the wall-time ratio of a library that does more per row than hand-written JDBC carries
 * that penalty too. Run paired:
 *
 * <pre>
 * java -Dathanor.bench.database=athanor_bench -cp benchmarks/target/benchmarks.jar dev.athanor.benchmarks.Interleaved \
 *     postgresql OrmDatabase RoundTripGapBenchmark 150 24 gap100_jdbc gap50_jdbc gap25_jdbc gap10_jdbc gap0_jdbc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Benchmark)
public class RoundTripGapBenchmark {
    private static final String LOAD_SQL =
            "SELECT id, name, quantity, price, created, active FROM orm_items WHERE id <= ?";

    /** Keeps the spin's counter alive (the JIT may not drop the loop). */
    private long spun;

    @Benchmark
    public long gap0_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 0);
    }

    @Benchmark
    public long gap10_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 10);
    }

    @Benchmark
    public long gap25_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 25);
    }

    @Benchmark
    public long gap50_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 50);
    }

    @Benchmark
    public long gap100_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 100);
    }

    @Benchmark
    public long gap200_jdbc(OrmDatabase db) throws SQLException {
        return readThenRollback(db, 200);
    }

    private long readThenRollback(OrmDatabase db, long gapMicros) throws SQLException {
        long sum = 0;
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(LOAD_SQL)) {
                ps.setInt(1, 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sum += rs.getInt(1);
                        sum += rs.getString(2).length();
                        sum += rs.getInt(3);
                        sum += rs.getBigDecimal(4).scale();
                        sum += rs.getObject(5, LocalDateTime.class).getSecond();
                        sum += rs.getBoolean(6) ? 1 : 0;
                    }
                }
            }
            spin(gapMicros);
            c.rollback();
        }
        return sum;
    }

    private void spin(long micros) {
        long end = System.nanoTime() + micros * 1000;
        long turns = 0;
        while (System.nanoTime() < end) {
            turns++;
        }
        spun += turns;
    }
}
