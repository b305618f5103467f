package dev.athanor.benchmarks;

import dev.athanor.benchmarks.orm.HibernateChild;
import dev.athanor.benchmarks.orm.HibernateParent;
import dev.athanor.benchmarks.orm.HibernateSaveChild;
import dev.athanor.benchmarks.orm.HibernateSaveParent;
import dev.athanor.benchmarks.orm.HibernateSeqChild;
import dev.athanor.benchmarks.orm.HibernateSeqParent;
import dev.athanor.benchmarks.orm.HibernateSubselectChild;
import dev.athanor.benchmarks.orm.HibernateSubselectParent;
import dev.athanor.benchmarks.orm.JdbcChild;
import dev.athanor.benchmarks.orm.JdbcParent;
import dev.athanor.benchmarks.orm.OrmChild;
import dev.athanor.benchmarks.orm.OrmParent;
import dev.athanor.benchmarks.orm.OrmParent_;
import dev.athanor.benchmarks.orm.OrmSaveChild;
import dev.athanor.benchmarks.orm.OrmSaveParent;
import dev.athanor.orm.Session;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.select;
import static dev.athanor.orm.Loading.joinedLoad;
import static dev.athanor.orm.Loading.selectinLoad;

/**
 * ORM relationships (issue 6): Athanor against Hibernate ORM 6.6 and plain JDBC, all three over the same Agroal pool
 * ({@link RelationshipDatabase}), one-to-many {@code bench_parent} (1,000 rows) / {@code bench_child} (10 per parent):
 * <ul>
 *   <li>{@code loadSelectin}: a new session, the 1,000 parents and their 10,000 children in two extra
 *   {@code IN} statements, every child touched (the sum of {@code amount}), ROLLBACK, close. Athanor
 *   {@code selectinLoad(OrmParent_.children)} (500 parents per {@code IN}, its default); Hibernate the lazy collection
 *   with {@code @BatchSize(size = 500)} (first access loads 500 parents' children) and, as a variant,
 *   {@code @Fetch(SUBSELECT)} (first access loads every parent's children, the parents' query as a subquery); JDBC the
 *   parents, then the children {@code WHERE parent_id IN (?, ... 500)} twice, mapped by hand.</li>
 *   <li>{@code loadJoined}: the same through one LEFT OUTER JOIN (10,000 rows). Athanor
 *   {@code joinedLoad(OrmParent_.children)} and {@code unique()}; Hibernate
 *   {@code select p from HibernateParent p left join fetch p.children} (Hibernate 6 removes the repeated parents
 *   itself: no {@code distinct}, which would be sent to the database); JDBC the join, grouped by hand.</li>
 *   <li>{@code save}: 1,000 new parents with 10 new children each, made in the measured method, saved in one
 *   transaction, keys read back. Athanor {@code parent.children.add(child)}, {@code addAll(parents)}, {@code commit()};
 *   Hibernate {@code cascade = ALL}, {@code persist} of the parents, commit, with IDENTITY keys (one INSERT per row:
 *   Hibernate cannot batch them) and, the fairness extra, SEQUENCE keys (batched); JDBC a batch of parents with
 *   generated keys, then a batch of children with generated keys. The tables are emptied before each invocation
 *   ({@link EmptySaveTables}).</li>
 * </ul>
 * Every load touches every child inside the transaction (Hibernate's batch and subselect fetching happen on that
 * access) and checks it saw 1,000 parents and 10,000 children with the right sum.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RelationshipBenchmark {
    static final int PARENTS = RelationshipDatabase.PARENTS;
    static final int PER_PARENT = RelationshipDatabase.CHILDREN_PER_PARENT;
    static final int CHILDREN = RelationshipDatabase.CHILDREN;
    /** Parents per {@code IN} list of the JDBC selectin baseline: Athanor's and Hibernate's 500. */
    static final int IN_BATCH = 500;

    private static final String PARENTS_SQL = "SELECT id, name FROM bench_parent";
    private static final String CHILDREN_IN_SQL = childrenInSql(IN_BATCH);
    private static final String CHILDREN_ANY_SQL =
            "SELECT id, parent_id, name, amount FROM bench_child WHERE parent_id = ANY (?)";
    private static final String JOIN_SQL = "SELECT p.id, p.name, c.id, c.parent_id, c.name, c.amount "
            + "FROM bench_parent p LEFT OUTER JOIN bench_child c ON p.id = c.parent_id";
    private static final String INSERT_PARENT_SQL = "INSERT INTO bench_save_parent (name) VALUES (?)";
    private static final String INSERT_CHILD_SQL =
            "INSERT INTO bench_save_child (parent_id, name, amount) VALUES (?, ?, ?)";

    /** Rows per multi-row INSERT of {@code save_jdbcMultiRow}: Athanor's 1,000. */
    static final int MULTI_ROWS = 1_000;
    private static final String MULTI_PARENT_SQL = multiRowSql(INSERT_PARENT_SQL, "(?)", MULTI_ROWS);
    private static final String MULTI_CHILD_SQL = multiRowSql(INSERT_CHILD_SQL, "(?, ?, ?)", MULTI_ROWS);

    /** The names of the saved objects, made once: the measured methods only make the objects. */
    private String[] parentNames;
    private String[] childNames;
    private long expectedSum;

    @Setup
    public void setUp(RelationshipDatabase db) {
        parentNames = new String[PARENTS];
        childNames = new String[CHILDREN];
        for (int i = 0; i < PARENTS; i++) {
            parentNames[i] = "new parent " + i;
        }
        for (int i = 0; i < CHILDREN; i++) {
            childNames[i] = "new child " + i;
        }
        expectedSum = db.expectedAmountSum();
    }

    private static String childrenInSql(int n) {
        StringBuilder sql = new StringBuilder("SELECT id, parent_id, name, amount FROM bench_child WHERE parent_id IN (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }

    /** Fails unless the load gave every parent and child: a benchmark measuring a wrong result is no benchmark. */
    private long checked(int parents, int children, long sum) {
        if (parents != PARENTS || children != CHILDREN || sum != expectedSum) {
            throw new IllegalStateException("loaded " + parents + " parents, " + children + " children, sum "
                    + sum + "; expected " + PARENTS + ", " + CHILDREN + ", " + expectedSum);
        }
        return sum;
    }

    private long touchAthanor(List<OrmParent> parents) {
        long sum = 0;
        int children = 0;
        for (OrmParent parent : parents) {
            for (OrmChild child : parent.children) {
                sum += child.amount;
                children++;
            }
        }
        return checked(parents.size(), children, sum);
    }

    private long touchHibernate(List<HibernateParent> parents) {
        long sum = 0;
        int children = 0;
        for (HibernateParent parent : parents) {
            for (HibernateChild child : parent.children) {
                sum += child.amount;
                children++;
            }
        }
        return checked(parents.size(), children, sum);
    }

    private long touchJdbc(List<JdbcParent> parents) {
        long sum = 0;
        int children = 0;
        for (JdbcParent parent : parents) {
            for (JdbcChild child : parent.children) {
                sum += child.amount;
                children++;
            }
        }
        return checked(parents.size(), children, sum);
    }

    // ------------------------------------------------------------------ 1. selectin

    @Benchmark
    public long loadSelectin_athanor(RelationshipDatabase db) {
        try (Session session = db.sessions().open()) {
            List<OrmParent> parents = session
                    .scalars(select(OrmParent.class).options(selectinLoad(OrmParent_.children))).all();
            return touchAthanor(parents);
        }
    }

    @Benchmark
    public long loadSelectin_hibernate(RelationshipDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateParent> parents = session
                    .createSelectionQuery("from HibernateParent", HibernateParent.class)
                    .getResultList();
            long sum = touchHibernate(parents);
            tx.rollback();
            return sum;
        }
    }

    /** Hibernate's other one-extra-statement strategy: {@code @Fetch(SUBSELECT)}. */
    @Benchmark
    public long loadSelectin_hibernateSubselect(RelationshipDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateSubselectParent> parents = session
                    .createSelectionQuery("from HibernateSubselectParent", HibernateSubselectParent.class)
                    .getResultList();
            long sum = 0;
            int children = 0;
            for (HibernateSubselectParent parent : parents) {
                for (HibernateSubselectChild child : parent.children) {
                    sum += child.amount;
                    children++;
                }
            }
            tx.rollback();
            return checked(parents.size(), children, sum);
        }
    }

    @Benchmark
    public long loadSelectin_jdbc(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, JdbcParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS_SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JdbcParent parent = new JdbcParent();
                    parent.id = rs.getInt(1);
                    parent.name = rs.getString(2);
                    parents.add(parent);
                    byId.put(parent.id, parent);
                }
            }
            for (int from = 0; from < parents.size(); from += IN_BATCH) {
                int n = Math.min(IN_BATCH, parents.size() - from);
                try (PreparedStatement ps = c.prepareStatement(n == IN_BATCH ? CHILDREN_IN_SQL : childrenInSql(n))) {
                    for (int i = 0; i < n; i++) {
                        ps.setInt(i + 1, parents.get(from + i).id);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            JdbcChild child = new JdbcChild();
                            child.id = rs.getInt(1);
                            child.parentId = rs.getInt(2);
                            child.name = rs.getString(3);
                            child.amount = rs.getInt(4);
                            JdbcParent parent = byId.get(child.parentId);
                            child.parent = parent;
                            parent.children.add(child);
                        }
                    }
                }
            }
            long sum = touchJdbc(parents);
            c.rollback();
            return sum;
        }
    }

    /**
     * The JDBC variant Hibernate's SQL suggests: the children {@code WHERE parent_id = ANY (?)}, the 500 keys as one
     * array parameter (what Hibernate 6 sends for {@code @BatchSize} on H2 and PostgreSQL). On H2 an {@code IN} of 500
     * parameters is tested value by value for every row the index finds; the array is not.
     */
    @Benchmark
    public long loadSelectin_jdbcArray(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, JdbcParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS_SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JdbcParent parent = new JdbcParent();
                    parent.id = rs.getInt(1);
                    parent.name = rs.getString(2);
                    parents.add(parent);
                    byId.put(parent.id, parent);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CHILDREN_ANY_SQL)) {
                for (int from = 0; from < parents.size(); from += IN_BATCH) {
                    int n = Math.min(IN_BATCH, parents.size() - from);
                    Integer[] ids = new Integer[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = parents.get(from + i).id;
                    }
                    ps.setArray(1, c.createArrayOf("INTEGER", ids));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            JdbcChild child = new JdbcChild();
                            child.id = rs.getInt(1);
                            child.parentId = rs.getInt(2);
                            child.name = rs.getString(3);
                            child.amount = rs.getInt(4);
                            JdbcParent parent = byId.get(child.parentId);
                            child.parent = parent;
                            parent.children.add(child);
                        }
                    }
                }
            }
            long sum = touchJdbc(parents);
            c.rollback();
            return sum;
        }
    }

    // ------------------------------------------------------------------ 1b. selectin, 100 parents

    /** Parents of the small selectin workload: keys 1 to 100, 10 children each. */
    static final int SMALL_PARENTS = 100;
    private static final String PARENTS_SMALL_SQL = "SELECT id, name FROM bench_parent WHERE id <= ?";

    /** The check of the 100-parent loads: 100 parents, 1,000 children, amounts 0 to 99 ten times each. */
    private static long checkedSmall(int parents, int children, long sum) {
        if (parents != SMALL_PARENTS || children != SMALL_PARENTS * PER_PARENT || sum != 49_500) {
            throw new IllegalStateException("loaded " + parents + " parents, " + children + " children, sum " + sum
                    + "; expected 100, 1000, 49500");
        }
        return sum;
    }

    /** The check of the 100-parent loads over JDBC's objects. */
    private static long checkedSmall(List<JdbcParent> parents) {
        long sum = 0;
        int children = 0;
        for (JdbcParent parent : parents) {
            for (JdbcChild child : parent.children) {
                sum += child.amount;
                children++;
            }
        }
        return checkedSmall(parents.size(), children, sum);
    }

    /**
     * A request's page: 100 parents ({@code WHERE id <= 100}) and their 10 children each, in one extra statement.
     * Athanor {@code selectinLoad}; Hibernate the {@code @BatchSize(500)} collection (one batch of 100); JDBC the
     * statement Athanor sends ({@code = ANY (?)} on H2 and PostgreSQL), grouped by hand.
     */
    @Benchmark
    public long loadSelectin100_athanor(RelationshipDatabase db) {
        try (Session session = db.sessions().open()) {
            List<OrmParent> parents = session.scalars(select(OrmParent.class)
                    .where(OrmParent_.id.le(SMALL_PARENTS)).options(selectinLoad(OrmParent_.children))).all();
            long sum = 0;
            int children = 0;
            for (OrmParent parent : parents) {
                for (OrmChild child : parent.children) {
                    sum += child.amount;
                    children++;
                }
            }
            return checkedSmall(parents.size(), children, sum);
        }
    }

    @Benchmark
    public long loadSelectin100_hibernate(RelationshipDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateParent> parents = session
                    .createSelectionQuery("from HibernateParent p where p.id <= :max", HibernateParent.class)
                    .setParameter("max", SMALL_PARENTS)
                    .getResultList();
            long sum = 0;
            int children = 0;
            for (HibernateParent parent : parents) {
                for (HibernateChild child : parent.children) {
                    sum += child.amount;
                    children++;
                }
            }
            tx.rollback();
            return checkedSmall(parents.size(), children, sum);
        }
    }

    @Benchmark
    public long loadSelectin100_jdbc(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, JdbcParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS_SMALL_SQL)) {
                ps.setInt(1, SMALL_PARENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JdbcParent parent = new JdbcParent();
                        parent.id = rs.getInt(1);
                        parent.name = rs.getString(2);
                        parents.add(parent);
                        byId.put(parent.id, parent);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CHILDREN_ANY_SQL)) {
                Integer[] ids = new Integer[parents.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = parents.get(i).id;
                }
                ps.setArray(1, c.createArrayOf("INTEGER", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        JdbcChild child = new JdbcChild();
                        child.id = rs.getInt(1);
                        child.parentId = rs.getInt(2);
                        child.name = rs.getString(3);
                        child.amount = rs.getInt(4);
                        JdbcParent parent = byId.get(child.parentId);
                        child.parent = parent;
                        parent.children.add(child);
                    }
                }
            }
            c.rollback();
            return checkedSmall(parents);
        }
    }

    /**
     * The floor of an ORM with an identity map and dirty checking, written by hand over JDBC:
     * {@code loadSelectin100_jdbc} plus, per object, a lookup and an entry in an identity map per class (a
     * {@code HashMap} by key) with a snapshot of its loaded values, and per parent the snapshot of its collection (a
     * copy of the list, to see members added or removed at flush). What Athanor adds beyond this is its own cost.
     */
    @Benchmark
    public long loadSelectin100_jdbcTracked(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, OrmVsHibernateBenchmark.TrackedRow> parentMap = new HashMap<>();
            Map<Integer, OrmVsHibernateBenchmark.TrackedRow> childMap = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(PARENTS_SMALL_SQL)) {
                ps.setInt(1, SMALL_PARENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer id = rs.getInt(1);
                        OrmVsHibernateBenchmark.TrackedRow known = parentMap.get(id);
                        if (known != null) {
                            parents.add((JdbcParent) known.entity());
                            continue;
                        }
                        JdbcParent parent = new JdbcParent();
                        parent.id = id;
                        parent.name = rs.getString(2);
                        parentMap.put(id, new OrmVsHibernateBenchmark.TrackedRow(parent,
                                new Object[] {parent.id, parent.name}));
                        parents.add(parent);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CHILDREN_ANY_SQL)) {
                Integer[] ids = new Integer[parents.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = parents.get(i).id;
                }
                ps.setArray(1, c.createArrayOf("INTEGER", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer id = rs.getInt(1);
                        OrmVsHibernateBenchmark.TrackedRow known = childMap.get(id);
                        JdbcChild child;
                        if (known != null) {
                            child = (JdbcChild) known.entity();
                        } else {
                            child = new JdbcChild();
                            child.id = id;
                            child.parentId = rs.getInt(2);
                            child.name = rs.getString(3);
                            child.amount = rs.getInt(4);
                            childMap.put(id, new OrmVsHibernateBenchmark.TrackedRow(child,
                                    new Object[] {child.id, child.parentId, child.name, child.amount}));
                        }
                        JdbcParent parent = (JdbcParent) parentMap.get(child.parentId).entity();
                        child.parent = parent;
                        parent.children.add(child);
                    }
                }
            }
            List<List<JdbcChild>> collectionSnapshots = new ArrayList<>(parents.size());
            for (JdbcParent parent : parents) {
                collectionSnapshots.add(new ArrayList<>(parent.children));
            }
            c.rollback();
            if (collectionSnapshots.size() != parents.size()) {
                throw new IllegalStateException("snapshots");
            }
            return checkedSmall(parents);
        }
    }

    // ------------------------------------------------------------------ 2. joined

    @Benchmark
    public long loadJoined_athanor(RelationshipDatabase db) {
        try (Session session = db.sessions().open()) {
            List<OrmParent> parents = session
                    .execute(select(OrmParent.class).options(joinedLoad(OrmParent_.children)))
                    .unique().scalars().all();
            return touchAthanor(parents);
        }
    }

    @Benchmark
    public long loadJoined_hibernate(RelationshipDatabase db) {
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            List<HibernateParent> parents = session
                    .createSelectionQuery("select p from HibernateParent p left join fetch p.children",
                            HibernateParent.class)
                    .getResultList();
            long sum = touchHibernate(parents);
            tx.rollback();
            return sum;
        }
    }

    @Benchmark
    public long loadJoined_jdbc(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, JdbcParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(JOIN_SQL); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int id = rs.getInt(1);
                    JdbcParent parent = byId.get(id);
                    if (parent == null) {
                        parent = new JdbcParent();
                        parent.id = id;
                        parent.name = rs.getString(2);
                        parents.add(parent);
                        byId.put(id, parent);
                    }
                    int childId = rs.getInt(3);
                    if (!rs.wasNull()) {
                        JdbcChild child = new JdbcChild();
                        child.id = childId;
                        child.parentId = rs.getInt(4);
                        child.name = rs.getString(5);
                        child.amount = rs.getInt(6);
                        child.parent = parent;
                        parent.children.add(child);
                    }
                }
            }
            long sum = touchJdbc(parents);
            c.rollback();
            return sum;
        }
    }

    // ------------------------------------------------------------------ 3. save

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer save_athanor(RelationshipDatabase db, EmptySaveTables empty) {
        List<OrmSaveParent> parents = new ArrayList<>(PARENTS);
        for (int i = 0, k = 0; i < PARENTS; i++) {
            OrmSaveParent parent = new OrmSaveParent(parentNames[i]);
            for (int j = 0; j < PER_PARENT; j++, k++) {
                parent.children.add(new OrmSaveChild(childNames[k], k % 100));
            }
            parents.add(parent);
        }
        try (Session session = db.sessions().open()) {
            session.addAll(parents);
            session.commit();
        }
        return parents.get(PARENTS - 1).children.get(PER_PARENT - 1).id;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer save_hibernate(RelationshipDatabase db, EmptySaveTables empty) {
        List<HibernateSaveParent> parents = new ArrayList<>(PARENTS);
        for (int i = 0, k = 0; i < PARENTS; i++) {
            HibernateSaveParent parent = new HibernateSaveParent(parentNames[i]);
            for (int j = 0; j < PER_PARENT; j++, k++) {
                parent.addChild(new HibernateSaveChild(childNames[k], k % 100));
            }
            parents.add(parent);
        }
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            for (HibernateSaveParent parent : parents) {
                session.persist(parent);
            }
            tx.commit();
        }
        return parents.get(PARENTS - 1).children.get(PER_PARENT - 1).id;
    }

    /** Fairness extra: SEQUENCE keys (allocation size 50), with which Hibernate batches its INSERTs. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer save_hibernateSequence(RelationshipDatabase db, EmptySaveTables empty) {
        List<HibernateSeqParent> parents = new ArrayList<>(PARENTS);
        for (int i = 0, k = 0; i < PARENTS; i++) {
            HibernateSeqParent parent = new HibernateSeqParent(parentNames[i]);
            for (int j = 0; j < PER_PARENT; j++, k++) {
                parent.addChild(new HibernateSeqChild(childNames[k], k % 100));
            }
            parents.add(parent);
        }
        try (org.hibernate.Session session = db.hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            for (HibernateSeqParent parent : parents) {
                session.persist(parent);
            }
            tx.commit();
        }
        return parents.get(PARENTS - 1).children.get(PER_PARENT - 1).id;
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer save_jdbc(RelationshipDatabase db, EmptySaveTables empty) throws SQLException {
        List<JdbcParent> parents = new ArrayList<>(PARENTS);
        for (int i = 0, k = 0; i < PARENTS; i++) {
            JdbcParent parent = new JdbcParent(parentNames[i]);
            for (int j = 0; j < PER_PARENT; j++, k++) {
                JdbcChild child = new JdbcChild(childNames[k], k % 100);
                child.parent = parent;
                parent.children.add(child);
            }
            parents.add(parent);
        }
        try (Connection c = db.dataSource.getConnection()) {
            try (PreparedStatement ps = prepareWithKeys(c, INSERT_PARENT_SQL, db.keysByName)) {
                for (JdbcParent parent : parents) {
                    ps.setString(1, parent.name);
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (JdbcParent parent : parents) {
                        if (!keys.next()) {
                            throw new IllegalStateException("fewer generated keys than parents");
                        }
                        parent.id = keys.getInt(1);
                    }
                }
            }
            try (PreparedStatement ps = prepareWithKeys(c, INSERT_CHILD_SQL, db.keysByName)) {
                for (JdbcParent parent : parents) {
                    for (JdbcChild child : parent.children) {
                        child.parentId = parent.id;
                        ps.setInt(1, child.parentId);
                        ps.setString(2, child.name);
                        ps.setInt(3, child.amount);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (JdbcParent parent : parents) {
                        for (JdbcChild child : parent.children) {
                            if (!keys.next()) {
                                throw new IllegalStateException("fewer generated keys than children");
                            }
                            child.id = keys.getInt(1);
                        }
                    }
                }
            }
            c.commit();
        }
        return parents.get(PARENTS - 1).children.get(PER_PARENT - 1).id;
    }

    /**
     * The JDBC save written the way Athanor writes it on PostgreSQL since fd21280 (SQLAlchemy's insertmanyvalues):
     * multi-row {@code INSERT ... VALUES (...), (...), ...} of up to 1,000 rows per statement with the generated keys
     * read back (pgJDBC adds {@code RETURNING "id"}), because pgJDBC does not rewrite a batch that asks for generated
     * keys. The same statements on H2.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Integer save_jdbcMultiRow(RelationshipDatabase db, EmptySaveTables empty) throws SQLException {
        List<JdbcParent> parents = new ArrayList<>(PARENTS);
        List<JdbcChild> children = new ArrayList<>(CHILDREN);
        for (int i = 0, k = 0; i < PARENTS; i++) {
            JdbcParent parent = new JdbcParent(parentNames[i]);
            for (int j = 0; j < PER_PARENT; j++, k++) {
                JdbcChild child = new JdbcChild(childNames[k], k % 100);
                child.parent = parent;
                parent.children.add(child);
                children.add(child);
            }
            parents.add(parent);
        }
        try (Connection c = db.dataSource.getConnection()) {
            for (int from = 0; from < parents.size(); from += MULTI_ROWS) {
                int n = Math.min(MULTI_ROWS, parents.size() - from);
                try (PreparedStatement ps = prepareWithKeys(c, n == MULTI_ROWS ? MULTI_PARENT_SQL
                        : multiRowSql(INSERT_PARENT_SQL, "(?)", n), db.keysByName)) {
                    for (int i = 0; i < n; i++) {
                        ps.setString(i + 1, parents.get(from + i).name);
                    }
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (int i = 0; i < n; i++) {
                            if (!keys.next()) {
                                throw new IllegalStateException("fewer generated keys than parents");
                            }
                            parents.get(from + i).id = keys.getInt(1);
                        }
                    }
                }
            }
            for (int from = 0; from < children.size(); from += MULTI_ROWS) {
                int n = Math.min(MULTI_ROWS, children.size() - from);
                try (PreparedStatement ps = prepareWithKeys(c, n == MULTI_ROWS ? MULTI_CHILD_SQL
                        : multiRowSql(INSERT_CHILD_SQL, "(?, ?, ?)", n), db.keysByName)) {
                    for (int i = 0, p = 1; i < n; i++) {
                        JdbcChild child = children.get(from + i);
                        child.parentId = child.parent.id;
                        ps.setInt(p++, child.parentId);
                        ps.setString(p++, child.name);
                        ps.setInt(p++, child.amount);
                    }
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (int i = 0; i < n; i++) {
                            if (!keys.next()) {
                                throw new IllegalStateException("fewer generated keys than children");
                            }
                            children.get(from + i).id = keys.getInt(1);
                        }
                    }
                }
            }
            c.commit();
        }
        return parents.get(PARENTS - 1).children.get(PER_PARENT - 1).id;
    }

    /** {@code insert} (ending in {@code VALUES (?...)}) with {@code n} rows of {@code row}. */
    private static String multiRowSql(String insert, String row, int n) {
        StringBuilder sql = new StringBuilder(insert.substring(0, insert.lastIndexOf("VALUES") + 7));
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : ", ").append(row);
        }
        return sql.toString();
    }

    private static PreparedStatement prepareWithKeys(Connection c, String sql, boolean byName) throws SQLException {
        return byName ? c.prepareStatement(sql, new String[] {"id"})
                : c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
    }
}
