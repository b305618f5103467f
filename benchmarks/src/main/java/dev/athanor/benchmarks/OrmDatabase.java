package dev.athanor.benchmarks;

import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.HibernateInsertItem;
import dev.athanor.benchmarks.orm.HibernateItem;
import dev.athanor.benchmarks.orm.HibernateSequenceItem;
import dev.athanor.benchmarks.orm.HibernateUpdateItem;
import dev.athanor.benchmarks.orm.OrmInsertItem;
import dev.athanor.benchmarks.orm.OrmItem;
import dev.athanor.benchmarks.orm.OrmUpdateItem;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
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
import java.time.LocalDateTime;
import java.util.logging.Logger;

/**
 * The database of the ORM benchmarks: one Athanor engine (pool of 4, no overflow), its Agroal pool as a
 * {@link DataSource} ({@code engine.unwrap(DataSource.class)}) for the JDBC baselines, and a Hibernate
 * {@link SessionFactory} over <em>that same DataSource</em>: the three sides share one pool.
 *
 * <p>Tables, made by Athanor's {@code registry.metadata().createAll(engine)} from the Athanor entities (identity
 * primary keys) and mapped by the Hibernate entities as they are ({@code hbm2ddl} off):
 * <ul>
 *   <li>{@code orm_items}: 10,000 rows, read by the load and get-by-key workloads, never written;</li>
 *   <li>{@code orm_update_items}: 1,000 rows, rewritten by the update workload, reset before every iteration
 *   (so PostgreSQL's dead tuples of one iteration do not slow the next one down);</li>
 *   <li>{@code orm_insert_items}: the insert workload's, emptied before every invocation ({@link EmptyInsertTables});</li>
 *   <li>{@code orm_insert_seq} and its sequence (by hand): Hibernate's insert with a sequence key, the fairness extra.</li>
 * </ul>
 */
@State(Scope.Benchmark)
public class OrmDatabase {
    /** Rows of {@code orm_items}. */
    public static final int ITEMS = 10_000;
    /** Rows of {@code orm_update_items} (and rows loaded by the load workload). */
    public static final int UPDATE_ITEMS = 1_000;

    /** Hibernate's INFO lines (boot banner, dialect) on stderr would mix into JMH's output; held so it stays set. */
    static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    @Param({"h2", "postgresql"})
    public String db;

    public Engine engine;
    public DataSource dataSource;
    public Registry registry;
    public SessionMaker sessions;
    public SessionFactory hibernate;
    /** Whether the JDBC baseline asks for generated keys by column name (PostgreSQL, as Athanor's dialect does). */
    public boolean keysByName;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = BenchDatabase.url(db, "ormbench");
        String user = BenchDatabase.user(db);
        BenchDatabase.createDatabase(db);
        keysByName = db.equals("postgresql");
        engine = Engine.builder(url).user(user).password("").poolSize(4).maxOverflow(0).build();
        dataSource = engine.unwrap(DataSource.class);

        registry = Registry.of(OrmItem.class, OrmUpdateItem.class, OrmInsertItem.class);
        registry.metadata().dropAll(engine);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS orm_insert_seq");
            st.execute("DROP SEQUENCE IF EXISTS orm_insert_seq_id_seq");
            c.commit();
        }
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orm_insert_seq (id integer primary key, name varchar(50), quantity integer, "
                    + "price numeric(12, 2), created timestamp, active boolean)");
            st.execute("CREATE SEQUENCE orm_insert_seq_id_seq START WITH 1 INCREMENT BY 50");
            fill(c, "orm_items", ITEMS, "name ");
            c.commit();
        }
        hibernate = hibernate(dataSource, HibernateItem.class, HibernateUpdateItem.class, HibernateInsertItem.class,
                HibernateSequenceItem.class);
    }

    /**
     * The Hibernate configuration of every workload: the shared pool, JDBC batches of 1,000, ordered inserts and
     * updates; the pool's connections are already in manual-commit mode, which Hibernate is told so that it does
     * not switch auto-commit at each transaction.
     */
    static SessionFactory hibernate(DataSource dataSource, Class<?>... entities) {
        return hibernate(new Configuration(), dataSource, java.util.List.of(entities));
    }

    /** As above, on a given {@code Configuration} (the boot benchmarks add their own settings first). */
    static SessionFactory hibernate(Configuration configuration, DataSource dataSource,
            java.util.Collection<Class<?>> entities) {
        for (Class<?> entity : entities) {
            configuration.addAnnotatedClass(entity);
        }
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.setProperty(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, "true");
        configuration.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "1000");
        configuration.setProperty(AvailableSettings.ORDER_INSERTS, "true");
        configuration.setProperty(AvailableSettings.ORDER_UPDATES, "true");
        configuration.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
        return configuration.buildSessionFactory();
    }

    /** {@code rows} rows with keys 1 to {@code rows}, committed by the caller. */
    static void fill(Connection c, String table, int rows, String namePrefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, name, quantity, price, created, active) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ps.setInt(1, i);
                ps.setString(2, namePrefix + i);
                ps.setInt(3, i % 100);
                ps.setBigDecimal(4, BigDecimal.valueOf(i * 100L + 99, 2));
                ps.setObject(5, LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i));
                ps.setBoolean(6, i % 2 == 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Before every iteration: {@code orm_update_items} back to its 1,000 original rows, so that each iteration of
     * the update workload starts from a table without the dead tuples (PostgreSQL) of the previous one; checks that
     * {@code orm_items} is whole. On PostgreSQL a CHECKPOINT then writes the pages the reset dirtied.
     */
    @Setup(Level.Iteration)
    public void resetIteration() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE orm_update_items");
            st.execute("TRUNCATE TABLE orm_insert_items"); // insertOne adds a row per call
            fill(c, "orm_update_items", UPDATE_ITEMS, "item ");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM orm_items")) {
                rs.next();
                if (rs.getInt(1) != ITEMS) {
                    throw new IllegalStateException("orm_items has " + rs.getInt(1) + " rows instead of " + ITEMS);
                }
            }
            c.commit();
        }
        if (db.equals("postgresql")) {
            try (Connection c = DriverManager.getConnection(BenchDatabase.url(db, "ormbench"),
                    "postgres", ""); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE orm_update_items");
                st.execute("VACUUM ANALYZE orm_items");
                // the reset's own writes go to disk now, not from the checkpointer during the measured iteration
                st.execute("CHECKPOINT");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        hibernate.close();
        engine.dispose();
    }
}
