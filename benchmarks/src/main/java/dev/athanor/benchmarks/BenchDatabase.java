package dev.athanor.benchmarks;

import dev.athanor.Engine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * The database of a benchmark run: one Athanor engine (pool of 4) and, for the plain-JDBC side, the same Agroal pool
 * through {@code engine.unwrap(DataSource.class)}. Tables are prefixed {@code bench_} and filled once per trial:
 * {@code bench_rows} (1,000 rows of 5 columns), {@code bench_insert} (empty, for executemany), and a small
 * users/groups/orders schema for the join benchmarks.
 */
@State(Scope.Benchmark)
public class BenchDatabase {

    @Param({"h2", "postgresql"})
    public String db;

    public Engine engine;
    public DataSource dataSource;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = url(db, "bench");
        String user = user(db);
        createDatabase(db);
        engine = Engine.builder(url).user(user).password("").poolSize(4).maxOverflow(0).build();
        dataSource = engine.unwrap(DataSource.class);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String table : new String[] {"bench_orders", "bench_users", "bench_groups", "bench_rows", "bench_insert"}) {
                st.execute("DROP TABLE IF EXISTS " + table);
            }
            st.execute("CREATE TABLE bench_rows (id int primary key, name varchar(50), amount numeric(12, 2), "
                    + "created timestamp, active boolean)");
            st.execute("CREATE TABLE bench_insert (a int, b varchar(50), c int)");
            st.execute("CREATE TABLE bench_groups (id int primary key, name varchar(50))");
            st.execute("CREATE TABLE bench_users (id int primary key, name varchar(50), age int, "
                    + "group_id int references bench_groups (id))");
            st.execute("CREATE TABLE bench_orders (id int primary key, user_id int references bench_users (id), "
                    + "total numeric(12, 2), status varchar(10))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "name " + i);
                    ps.setBigDecimal(3, BigDecimal.valueOf(i * 100L + 99, 2));
                    ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i)));
                    ps.setBoolean(5, i % 2 == 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (int g = 1; g <= 10; g++) {
                st.execute("INSERT INTO bench_groups VALUES (" + g + ", 'group " + g + "')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_users VALUES (?, ?, ?, ?)")) {
                for (int u = 1; u <= 100; u++) {
                    ps.setInt(1, u);
                    ps.setString(2, "user " + u);
                    ps.setInt(3, 18 + u % 60);
                    ps.setInt(4, 1 + u % 10);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_orders VALUES (?, ?, ?, ?)")) {
                for (int o = 1; o <= 1000; o++) {
                    ps.setInt(1, o);
                    ps.setInt(2, 1 + o % 100);
                    ps.setBigDecimal(3, BigDecimal.valueOf(o * 7L % 10_000, 2));
                    ps.setString(4, o % 3 == 0 ? "open" : "paid");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    /**
     * The PostgreSQL / MariaDB database the benchmarks use: {@code athanor_bench}, or the system property
     * {@code athanor.bench.database} (so that two people benchmarking on one server do not share tables:
     * {@code java -Dathanor.bench.database=athanor_h14 -jar benchmarks.jar ...}; JMH passes the property on to its
     * forks). Only letters, digits and underscores: it is written into CREATE DATABASE.
     */
    static String databaseName() {
        String name = System.getProperty("athanor.bench.database", "athanor_bench");
        if (!name.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("athanor.bench.database must be letters, digits and underscores: "
                    + name);
        }
        return name;
    }

    /** The JDBC URL of {@code db} (h2, postgresql, mariadb); H2 an in-memory database named {@code h2Name}. */
    static String url(String db, String h2Name) {
        return switch (db) {
            case "h2" -> "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1";
            case "postgresql" -> "jdbc:postgresql://127.0.0.1:5432/" + databaseName();
            case "mariadb" -> "jdbc:mariadb://127.0.0.1:3306/" + databaseName();
            default -> throw new IllegalArgumentException("unknown database " + db);
        };
    }

    /** The user of {@code db}'s server (no password on any). */
    static String user(String db) {
        return switch (db) {
            case "postgresql" -> "postgres";
            case "mariadb" -> "root";
            default -> "sa";
        };
    }

    /** Creates the {@link #databaseName() database} on PostgreSQL or MariaDB if it is missing (H2: nothing to do). */
    static void createDatabase(String db) throws SQLException {
        String name = databaseName();
        if (db.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + name);
                }
            }
        } else if (db.equals("mariadb")) {
            try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS " + name);
            }
        }
    }

    /**
     * Before every iteration (warmup and measurement): empty {@code bench_insert} and check {@code bench_rows} is whole.
     * The executemany benchmarks roll their batch back, but on PostgreSQL (and InnoDB) each rolled-back batch still
     * leaves 10,000 dead tuples behind: without this the table's file grows through the run until autovacuum, so
     * whichever benchmark runs later pays for the bloat of the earlier one. TRUNCATE gives each iteration an empty
     * table, whatever ran before it.
     */
    @Setup(Level.Iteration)
    public void resetIteration() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE bench_insert");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM bench_rows")) {
                rs.next();
                if (rs.getInt(1) != 1000) {
                    throw new IllegalStateException("bench_rows has " + rs.getInt(1) + " rows instead of 1,000");
                }
            }
            c.commit();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.dispose();
    }
}
