package dev.athanor.benchmarks;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Routing;
import dev.athanor.TextClause;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;

/**
 * Throughput of a read-heavy load (90% reads marked {@link Routing#REPLICA}, 10% single-row updates) with 0, 1 and 2
 * PostgreSQL streaming replicas: 8 threads, one operation = check out a connection, run one statement, commit.
 * Needs the replicas of {@code ops/scaleout/replicas.sh up 2} (ports 5433, 5434) and uses its own database,
 * {@code athanor_replica_bench} (created on 5432 if missing; the replicas copy it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
public class ReplicaReadBenchmark {
    static final String DATABASE = "athanor_replica_bench";
    static final int ROWS = 10_000;
    private static final TextClause READ = text("SELECT count(*), sum(amount) FROM bench_replica_items "
            + "WHERE id BETWEEN :lo AND :hi").executionOptions(Routing.REPLICA);
    private static final TextClause WRITE = text("UPDATE bench_replica_items SET amount = amount + 1 WHERE id = :id");

    @Param({"0", "1", "2"})
    public int replicas;

    private Engine engine;

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection(url(5432).replace(DATABASE, "postgres"), "postgres", "");
                Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
        try (java.sql.Connection c = DriverManager.getConnection(url(5432), "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS bench_replica_items");
            st.execute("CREATE TABLE bench_replica_items (id int PRIMARY KEY, name varchar(40), amount int)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_replica_items VALUES (?, ?, ?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "item " + i);
                    ps.setInt(3, i % 100);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            st.execute("ANALYZE bench_replica_items");
        }
        List<String> urls = new ArrayList<>();
        for (int port = 5433; port < 5433 + replicas; port++) {
            awaitReplicated(port);
            urls.add(url(port));
        }
        engine = Engine.builder(url(5432)).user("postgres").password("").poolSize(8).maxOverflow(0)
                .replicas(urls).replicaMaxLag(Duration.ofSeconds(5)).build();
    }

    private static void awaitReplicated(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (java.sql.Connection c = DriverManager.getConnection(url(port), "postgres", "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM bench_replica_items")) {
                rs.next();
                if (rs.getInt(1) == ROWS) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no replica with the benchmark table on port " + port
                + ": start them with ops/scaleout/replicas.sh up 2", last);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.dispose();
    }

    /** 9 reads of 200 rows (an aggregate over a random id range) for each single-row update. */
    @Benchmark
    public Object readHeavy() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Connection conn = engine.connect()) {
            Object value;
            if (random.nextInt(10) == 0) {
                value = conn.execute(WRITE, Map.of("id", 1 + random.nextInt(ROWS))).rowcount();
            } else {
                int lo = 1 + random.nextInt(ROWS - 200);
                value = conn.execute(READ, Map.of("lo", lo, "hi", lo + 199)).one();
            }
            conn.commit();
            return value;
        }
    }
}
