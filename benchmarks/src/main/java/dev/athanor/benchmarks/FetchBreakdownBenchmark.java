package dev.athanor.benchmarks;

import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.TextClause;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;

/**
 * Where the time of {@link CoreVsJdbcBenchmark}'s {@code fetch1000ByName} goes: the same 1,000-row SELECT read
 * <ul>
 *   <li>{@code athanorByPosition}: through Athanor, every column by position ({@code row.get(0)} ...), so that
 *   {@code fetch1000ByName_athanor} minus this is the cost of Athanor's lookups by name;</li>
 *   <li>{@code jdbcGetObject}: in plain JDBC the way Athanor's column readers read (getObject, and
 *   getObject(LocalDateTime) for the timestamp) into an Object[] per row: the driver's share of Athanor's reading;</li>
 *   <li>{@code jdbcTypedByPosition}: plain JDBC, typed getters by position: the floor.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class FetchBreakdownBenchmark {
    private static final String SQL = "SELECT id, name, amount, created, active FROM bench_rows";
    private static final TextClause FETCH = text(SQL);

    @Benchmark
    public void athanorByPosition(BenchDatabase db, Blackhole bh) {
        try (dev.athanor.Connection conn = db.engine.connect(); Result result = conn.execute(FETCH)) {
            for (Row row : result) {
                bh.consume(row.get(0));
                bh.consume(row.get(1));
                bh.consume(row.get(2));
                bh.consume(row.get(3));
                bh.consume(row.get(4));
            }
        }
    }

    @Benchmark
    public void jdbcGetObject(BenchDatabase db, Blackhole bh) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[5];
                    values[0] = rs.getObject(1);
                    values[1] = rs.getObject(2);
                    values[2] = rs.getObject(3);
                    values[3] = rs.getObject(4, LocalDateTime.class);
                    values[4] = rs.getObject(5);
                    bh.consume(values);
                }
            }
            c.rollback();
        }
    }

    @Benchmark
    public void jdbcTypedByPosition(BenchDatabase db, Blackhole bh) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getInt(1));
                    bh.consume(rs.getString(2));
                    bh.consume(rs.getBigDecimal(3));
                    bh.consume(rs.getTimestamp(4));
                    bh.consume(rs.getBoolean(5));
                }
            }
            c.rollback();
        }
    }
}
