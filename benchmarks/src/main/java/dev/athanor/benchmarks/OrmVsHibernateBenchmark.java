package dev.athanor.benchmarks;

import dev.athanor.benchmarks.orm.HibernateInsertItem;
import dev.athanor.benchmarks.orm.HibernateItem;
import dev.athanor.benchmarks.orm.HibernateSequenceItem;
import dev.athanor.benchmarks.orm.HibernateUpdateItem;
import dev.athanor.benchmarks.orm.JdbcItem;
import dev.athanor.benchmarks.orm.OrmInsertItem;
import dev.athanor.benchmarks.orm.OrmItem;
import dev.athanor.benchmarks.orm.OrmItem_;
import dev.athanor.benchmarks.orm.OrmUpdateItem;
import dev.athanor.benchmarks.orm.OrmUpdateItem_;
import dev.athanor.orm.Session;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.select;

/**
 * The Athanor ORM against Hibernate ORM 6.6 and plain JDBC, all three over the same Agroal pool
 * ({@link OrmDatabase}), on the workloads of issue 5:
 * <ul>
 *   <li>{@code insert10000}: 10,000 new objects (5 columns and a database-generated key) inserted in one
 *   transaction, keys read back into the objects. Athanor {@code addAll}, {@code flush}, {@code commit} (one JDBC
 *   batch); Hibernate {@code persist} in a {@code Session} (IDENTITY keys: Hibernate inserts row by row, it cannot
 *   batch them), {@code insert} in a {@code StatelessSession}, and, as the fairness extra, {@code persist} with a
 *   SEQUENCE key (batched); JDBC one batched {@code PreparedStatement} with generated keys. The objects are made in
 *   the measured method on every side; the table is emptied before each invocation ({@link EmptyInsertTables}).</li>
 *   <li>{@code load1000}: a new session, {@code WHERE id <= 1000} into 1,000 objects, end (ROLLBACK), close.
 *   Hibernate also with a {@code StatelessSession}. JDBC: typed getters by position into {@link JdbcItem}s.</li>
 *   <li>{@code getByPk}: as a request would: open a session, get one object by a random key (of 10,000), close.</li>
 *   <li>{@code update1000}: a new session, load 1,000 objects, change one field of each, commit (Athanor: dirty
 *   checking, one batch of {@code UPDATE ... SET name = ?}; Hibernate: dirty checking, batched UPDATEs of every
 *   column, its default without {@code @DynamicUpdate}; JDBC: select into objects, one batch of
 *   {@code UPDATE ... SET name = ?}, commit).</li>
 * </ul>
 * and {@code insertOne}: a new session, one new object (database-generated key), commit, close.
 * Reads end with ROLLBACK on every side: Athanor's {@code Session.close()} rolls back what is open, Hibernate's
 * transaction is rolled back (no flush), the JDBC connection is rolled back.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class OrmVsHibernateBenchmark {
    static final int INSERT_ROWS = 10_000;
    private static final String INSERT_SQL =
            "INSERT INTO orm_insert_items (name, quantity, price, created, active) VALUES (?, ?, ?, ?, ?)";
    private static final String LOAD_SQL =
            "SELECT id, name, quantity, price, created, active FROM orm_items WHERE id <= ?";
    private static final String GET_SQL =
            "SELECT id, name, quantity, price, created, active FROM orm_items WHERE id = ?";
    private static final String LOAD_UPDATE_SQL =
            "SELECT id, name, quantity, price, created, active FROM orm_update_items WHERE id <= ?";
    private static final String UPDATE_SQL = "UPDATE orm_update_items SET name = ? WHERE id = ?";
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 1, 0, 0);

    /** The values of the inserted objects, made once: the measured methods only make the objects. */
    private String[] names;
    private BigDecimal[] prices;
    private LocalDateTime[] times;
    /** The new names of the update workload; alternating arrays, so that every invocation changes every row. */
    private String[] updateNamesA;
    private String[] updateNamesB;
    private int round;

    @Setup
    public void setUp() {
        names = new String[INSERT_ROWS];
        prices = new BigDecimal[INSERT_ROWS];
        times = new LocalDateTime[INSERT_ROWS];
        for (int i = 0; i < INSERT_ROWS; i++) {
            names[i] = "new item " + i;
            prices[i] = BigDecimal.valueOf(i * 100L + 99, 2);
            times[i] = T0.plusSeconds(i);
        }
        updateNamesA = new String[OrmDatabase.UPDATE_ITEMS + 1];
        updateNamesB = new String[OrmDatabase.UPDATE_ITEMS + 1];
        for (int i = 0; i <= OrmDatabase.UPDATE_ITEMS; i++) {
            updateNamesA[i] = "renamed a " + i;
            updateNamesB[i] = "renamed b " + i;
        }
    }

    private String[] nextNames() {
        return (round++ & 1) == 0 ? updateNamesA : updateNamesB;
    }

    // ------------------------------------------------------------------ 1. insert 10,000

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer insert10000_athanor(OrmDatabase db, EmptyInsertTables empty) {
        List<OrmInsertItem> items = new ArrayList<>(INSERT_ROWS);
        for (int i = 0; i < INSERT_ROWS; i++) {
            items.add(new OrmInsertItem(names[i], i, prices[i], times[i], (i & 1) == 0));
        }
        try (Session session = db.sessions.open()) {
            session.addAll(items);
            session.flush();
            session.commit();
        }
        return items.get(INSERT_ROWS - 1).id;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer insert10000_hibernate(OrmDatabase db, EmptyInsertTables empty) {
        List<HibernateInsertItem> items = new ArrayList<>(INSERT_ROWS);
        for (int i = 0; i < INSERT_ROWS; i++) {
            items.add(new HibernateInsertItem(names[i], i, prices[i], times[i], (i & 1) == 0));
        }
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            for (HibernateInsertItem item : items) {
                session.persist(item);
            }
            tx.commit();
        }
        return items.get(INSERT_ROWS - 1).id;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer insert10000_hibernateStateless(OrmDatabase db, EmptyInsertTables empty) {
        List<HibernateInsertItem> items = new ArrayList<>(INSERT_ROWS);
        for (int i = 0; i < INSERT_ROWS; i++) {
            items.add(new HibernateInsertItem(names[i], i, prices[i], times[i], (i & 1) == 0));
        }
        try (StatelessSession session = db.hibernate.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            for (HibernateInsertItem item : items) {
                session.insert(item);
            }
            tx.commit();
        }
        return items.get(INSERT_ROWS - 1).id;
    }

    /** Fairness extra: a SEQUENCE key (allocation size 50), with which Hibernate batches its INSERTs. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer insert10000_hibernateSequence(OrmDatabase db, EmptyInsertTables empty) {
        List<HibernateSequenceItem> items = new ArrayList<>(INSERT_ROWS);
        for (int i = 0; i < INSERT_ROWS; i++) {
            items.add(new HibernateSequenceItem(names[i], i, prices[i], times[i], (i & 1) == 0));
        }
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            for (HibernateSequenceItem item : items) {
                session.persist(item);
            }
            tx.commit();
        }
        return items.get(INSERT_ROWS - 1).id;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer insert10000_jdbc(OrmDatabase db, EmptyInsertTables empty) throws SQLException {
        List<JdbcItem> items = new ArrayList<>(INSERT_ROWS);
        for (int i = 0; i < INSERT_ROWS; i++) {
            items.add(new JdbcItem(names[i], i, prices[i], times[i], (i & 1) == 0));
        }
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = db.keysByName ? c.prepareStatement(INSERT_SQL, new String[] {"id"})
                    : c.prepareStatement(INSERT_SQL, Statement.RETURN_GENERATED_KEYS)) {
                for (JdbcItem item : items) {
                    ps.setString(1, item.name);
                    ps.setInt(2, item.quantity);
                    ps.setBigDecimal(3, item.price);
                    ps.setObject(4, item.created);
                    ps.setBoolean(5, item.active);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (JdbcItem item : items) {
                        if (!keys.next()) {
                            throw new IllegalStateException("fewer generated keys than rows");
                        }
                        item.id = keys.getInt(1);
                    }
                }
            }
            c.commit();
        }
        return items.get(INSERT_ROWS - 1).id;
    }

    // ------------------------------------------------------------------ 1b. insert one and commit

    /**
     * A request that creates one object: open a session, add one new object (database-generated key), commit,
     * close. The rows accumulate through an iteration; {@link OrmDatabase#resetIteration()} empties the table.
     */
    @Benchmark
    public Integer insertOne_athanor(OrmDatabase db) {
        int i = (round++ & 8191);
        OrmInsertItem item = new OrmInsertItem(names[i], i, prices[i], times[i], (i & 1) == 0);
        try (Session session = db.sessions.open()) {
            session.add(item);
            session.commit();
        }
        return item.id;
    }

    @Benchmark
    public Integer insertOne_hibernate(OrmDatabase db) {
        int i = (round++ & 8191);
        HibernateInsertItem item = new HibernateInsertItem(names[i], i, prices[i], times[i], (i & 1) == 0);
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            session.persist(item);
            tx.commit();
        }
        return item.id;
    }

    @Benchmark
    public Integer insertOne_jdbc(OrmDatabase db) throws SQLException {
        int i = (round++ & 8191);
        JdbcItem item = new JdbcItem(names[i], i, prices[i], times[i], (i & 1) == 0);
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = db.keysByName ? c.prepareStatement(INSERT_SQL, new String[] {"id"})
                    : c.prepareStatement(INSERT_SQL, Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, item.name);
                ps.setInt(2, item.quantity);
                ps.setBigDecimal(3, item.price);
                ps.setObject(4, item.created);
                ps.setBoolean(5, item.active);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    item.id = keys.getInt(1);
                }
            }
            c.commit();
        }
        return item.id;
    }

    // ------------------------------------------------------------------ 2. load 1,000

    @Benchmark
    public List<OrmItem> load1000_athanor(OrmDatabase db) {
        try (Session session = db.sessions.open()) {
            return session.scalars(select(OrmItem.class).where(OrmItem_.id.le(1000))).all();
        }
    }

    /**
     * The same rows through Athanor's Core, without the ORM: the SELECT as text with a bound parameter, every row
     * read into a {@code Row} ({@code all()}), ROLLBACK. What the ORM adds is {@code load1000_athanor} minus this.
     */
    @Benchmark
    public List<dev.athanor.Row> load1000_athanorCore(OrmDatabase db) {
        try (dev.athanor.Connection conn = db.engine.connect()) {
            List<dev.athanor.Row> rows = conn.execute(LOAD_CORE, java.util.Map.of("max", 1000)).all();
            conn.rollback();
            return rows;
        }
    }

    private static final dev.athanor.TextClause LOAD_CORE = dev.athanor.Sql.text(LOAD_SQL.replace("?", ":max"));

    /** The same with {@code executionOptions(ReadOnly.TRUE)}: no snapshots (Hibernate's read-only query). */
    @Benchmark
    public List<OrmItem> load1000_athanorReadOnly(OrmDatabase db) {
        try (Session session = db.sessions.open()) {
            return session.scalars(select(OrmItem.class).where(OrmItem_.id.le(1000))
                    .executionOptions(dev.athanor.orm.ReadOnly.TRUE)).all();
        }
    }

    /** Hibernate's read-only query ({@code setReadOnly(true)}): no snapshots either. */
    @Benchmark
    public List<HibernateItem> load1000_hibernateReadOnly(OrmDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateItem> items = session
                    .createSelectionQuery("from HibernateItem i where i.id <= :max", HibernateItem.class)
                    .setParameter("max", 1000)
                    .setReadOnly(true)
                    .getResultList();
            tx.rollback();
            return items;
        }
    }

    @Benchmark
    public List<HibernateItem> load1000_hibernate(OrmDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateItem> items = session
                    .createSelectionQuery("from HibernateItem i where i.id <= :max", HibernateItem.class)
                    .setParameter("max", 1000)
                    .getResultList();
            tx.rollback();
            return items;
        }
    }

    @Benchmark
    public List<HibernateItem> load1000_hibernateStateless(OrmDatabase db) {
        try (StatelessSession session = db.hibernate.openStatelessSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateItem> items = session
                    .createSelectionQuery("from HibernateItem i where i.id <= :max", HibernateItem.class)
                    .setParameter("max", 1000)
                    .getResultList();
            tx.rollback();
            return items;
        }
    }

    @Benchmark
    public List<JdbcItem> load1000_jdbc(OrmDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcItem> items = readItems(c, LOAD_SQL, 1000);
            c.rollback();
            return items;
        }
    }

    /**
     * The floor of an ORM with an identity map and dirty checking, written by hand over JDBC: {@code load1000_jdbc}
     * plus, per row, what such an ORM cannot do without: a lookup and an entry in an identity map (a
     * {@code HashMap} by key) and a snapshot of the loaded values (an array) with the object it belongs to. No
     * session, no generated code, no checks: what Athanor adds beyond this is its own cost; what this adds to
     * {@code load1000_jdbc} is the cost of the feature.
     */
    @Benchmark
    public Map<Integer, TrackedRow> load1000_jdbcTracked(OrmDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            Map<Integer, TrackedRow> identityMap = new HashMap<>();
            List<JdbcItem> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(LOAD_SQL)) {
                ps.setInt(1, 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer id = rs.getInt(1);
                        TrackedRow known = identityMap.get(id);
                        if (known != null) {
                            items.add((JdbcItem) known.entity());
                            continue;
                        }
                        JdbcItem item = readItem(rs);
                        identityMap.put(id, new TrackedRow(item, new Object[] {item.id, item.name, item.quantity,
                                item.price, item.created, item.active}));
                        items.add(item);
                    }
                }
            }
            c.rollback();
            return identityMap;
        }
    }

    /** An identity map's entry in the hand-written floor: the object and the snapshot of its loaded values. */
    public record TrackedRow(Object entity, Object[] snapshot) {
    }

    private static List<JdbcItem> readItems(Connection c, String sql, int max) throws SQLException {
        List<JdbcItem> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(readItem(rs));
                }
            }
        }
        return items;
    }

    private static JdbcItem readItem(ResultSet rs) throws SQLException {
        JdbcItem item = new JdbcItem();
        item.id = rs.getInt(1);
        item.name = rs.getString(2);
        item.quantity = rs.getInt(3);
        item.price = rs.getBigDecimal(4);
        item.created = rs.getObject(5, LocalDateTime.class);
        item.active = rs.getBoolean(6);
        return item;
    }

    // ------------------------------------------------------------------ 3. get by primary key

    @Benchmark
    public OrmItem getByPk_athanor(OrmDatabase db) {
        int id = ThreadLocalRandom.current().nextInt(1, OrmDatabase.ITEMS + 1);
        try (Session session = db.sessions.open()) {
            return session.get(OrmItem.class, id);
        }
    }

    @Benchmark
    public HibernateItem getByPk_hibernate(OrmDatabase db) {
        int id = ThreadLocalRandom.current().nextInt(1, OrmDatabase.ITEMS + 1);
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            HibernateItem item = session.get(HibernateItem.class, id);
            tx.rollback();
            return item;
        }
    }

    @Benchmark
    public JdbcItem getByPk_jdbc(OrmDatabase db) throws SQLException {
        int id = ThreadLocalRandom.current().nextInt(1, OrmDatabase.ITEMS + 1);
        try (Connection c = db.dataSource.getConnection()) {
            JdbcItem item = null;
            try (PreparedStatement ps = c.prepareStatement(GET_SQL)) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        item = readItem(rs);
                    }
                }
            }
            c.rollback();
            return item;
        }
    }

    // ------------------------------------------------------------------ 4. update 1,000

    @Benchmark
    public int update1000_athanor(OrmDatabase db) {
        String[] newNames = nextNames();
        try (Session session = db.sessions.open()) {
            List<OrmUpdateItem> items = session
                    .scalars(select(OrmUpdateItem.class).where(OrmUpdateItem_.id.le(1000))).all();
            for (OrmUpdateItem item : items) {
                item.name = newNames[item.id];
            }
            session.commit();
            return items.size();
        }
    }

    @Benchmark
    public int update1000_hibernate(OrmDatabase db) {
        String[] newNames = nextNames();
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateUpdateItem> items = session
                    .createSelectionQuery("from HibernateUpdateItem i where i.id <= :max", HibernateUpdateItem.class)
                    .setParameter("max", 1000)
                    .getResultList();
            for (HibernateUpdateItem item : items) {
                item.name = newNames[item.id];
            }
            tx.commit();
            return items.size();
        }
    }

    @Benchmark
    public int update1000_jdbc(OrmDatabase db) throws SQLException {
        String[] newNames = nextNames();
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcItem> items = readItems(c, LOAD_UPDATE_SQL, 1000);
            for (JdbcItem item : items) {
                item.name = newNames[item.id];
            }
            try (PreparedStatement ps = c.prepareStatement(UPDATE_SQL)) {
                for (JdbcItem item : items) {
                    ps.setString(1, item.name);
                    ps.setInt(2, item.id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return items.size();
        }
    }
}
