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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;

/**
 * Athanor Core against plain JDBC over the same Agroal pool, three workloads of issue 3:
 * <ul>
 *   <li>{@code fetch1000ByName}: check out a connection, SELECT 1,000 rows of 5 columns, read every column by name
 *   (Athanor {@code row.get("name")}; JDBC the typed getters a JDBC user writes), end the transaction, return.</li>
 *   <li>{@code executeMany10000}: one batch of 10,000 three-column INSERTs, then ROLLBACK (so the table does not grow
 *   between invocations; the commit's cost would be the same on both sides).</li>
 *   <li>{@code selectByPk}: check out, SELECT one row by a random primary key, read 3 columns, end, return.</li>
 * </ul>
 * Both sides end a read with ROLLBACK, as Athanor's {@code close()} does for the transaction a statement began.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CoreVsJdbcBenchmark {
    private static final TextClause FETCH = text("SELECT id, name, amount, created, active FROM bench_rows");
    private static final String FETCH_SQL = "SELECT id, name, amount, created, active FROM bench_rows";
    private static final TextClause BY_PK = text("SELECT id, name, amount FROM bench_rows WHERE id = :id");
    private static final String BY_PK_SQL = "SELECT id, name, amount FROM bench_rows WHERE id = ?";
    private static final TextClause INSERT = text("INSERT INTO bench_insert (a, b, c) VALUES (:a, :b, :c)");
    private static final String INSERT_SQL = "INSERT INTO bench_insert (a, b, c) VALUES (?, ?, ?)";

    private List<Map<String, Object>> parameterSets;
    private int[] as;
    private String[] bs;

    @Setup
    public void setUp() {
        parameterSets = new ArrayList<>(10_000);
        as = new int[10_000];
        bs = new String[10_000];
        for (int i = 0; i < 10_000; i++) {
            parameterSets.add(Map.of("a", i, "b", "value " + i, "c", i * 2));
            as[i] = i;
            bs[i] = "value " + i;
        }
    }

    @Benchmark
    public void fetch1000ByName_athanor(BenchDatabase db, Blackhole bh) {
        try (dev.athanor.Connection conn = db.engine.connect(); Result result = conn.execute(FETCH)) {
            for (Row row : result) {
                bh.consume(row.get("id"));
                bh.consume(row.get("name"));
                bh.consume(row.get("amount"));
                bh.consume(row.get("created"));
                bh.consume(row.get("active"));
            }
        }
    }

    @Benchmark
    public void fetch1000ByName_jdbc(BenchDatabase db, Blackhole bh) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(FETCH_SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bh.consume(rs.getInt("id"));
                    bh.consume(rs.getString("name"));
                    bh.consume(rs.getBigDecimal("amount"));
                    bh.consume(rs.getTimestamp("created"));
                    bh.consume(rs.getBoolean("active"));
                }
            }
            c.rollback();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long executeMany10000_athanor(BenchDatabase db) {
        try (dev.athanor.Connection conn = db.engine.connect()) {
            long count = conn.execute(INSERT, parameterSets).rowcount();
            conn.rollback();
            return count;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int executeMany10000_jdbc(BenchDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            int[] counts;
            try (PreparedStatement ps = c.prepareStatement(INSERT_SQL)) {
                for (int i = 0; i < as.length; i++) {
                    ps.setInt(1, as[i]);
                    ps.setString(2, bs[i]);
                    ps.setInt(3, as[i] * 2);
                    ps.addBatch();
                }
                counts = ps.executeBatch();
            }
            c.rollback();
            return counts.length;
        }
    }

    @Benchmark
    public void selectByPk_athanor(BenchDatabase db, Blackhole bh) {
        int id = ThreadLocalRandom.current().nextInt(1, 1001);
        try (dev.athanor.Connection conn = db.engine.connect()) {
            Row row = conn.execute(BY_PK, Map.of("id", id)).one();
            bh.consume(row.get("id"));
            bh.consume(row.get("name"));
            bh.consume(row.get("amount"));
        }
    }

    @Benchmark
    public void selectByPk_jdbc(BenchDatabase db, Blackhole bh) throws SQLException {
        int id = ThreadLocalRandom.current().nextInt(1, 1001);
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(BY_PK_SQL)) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    bh.consume(rs.getInt("id"));
                    bh.consume(rs.getString("name"));
                    bh.consume(rs.getBigDecimal("amount"));
                }
            }
            c.rollback();
        }
    }
}
