package dev.athanor.impl.engine;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.Connection;
import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.EngineBuilder;
import dev.athanor.impl.pool.StatementCache;
import dev.athanor.impl.xa.RegistryTransactions;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static dev.athanor.impl.engine.StatementCaches.cached;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The statement cache of pools that take part in JTA transactions, with Narayana: a JTA pool (Agroal's Narayana
 * integration over a local transaction) and an XA pool (the driver's {@code XADataSource}), one physical connection
 * each. A statement cached in one transaction serves the next ones (the same JDBC statement) and its work commits or
 * rolls back with the transaction it runs in; outside a transaction it is an ordinary cached statement. Where Agroal's
 * handle refuses a statement (its transaction suspended, or over), a cached statement is refused the same way: each
 * such case is run with the cache and without it, and must end alike.
 */
@DatabaseTest
class JtaStatementCacheTest {
    private static final String INSERT = "INSERT INTO jta_cached (id, name) VALUES (?, ?)";

    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
    private final List<Engine> engines = new ArrayList<>();
    private TestDatabase db;

    /** The two kinds of pool that take part in JTA transactions. */
    enum Pool {
        /** Agroal's Narayana integration over a local transaction (the CDI extension's pool under Narayana). */
        JTA,
        /** The driver's XADataSource, enlisted as an XA branch ({@code EngineBuilder.xa}). */
        XA
    }

    @BeforeEach
    void table(TestDatabase db) throws Exception {
        this.db = db;
        try (java.sql.Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE jta_cached (id INTEGER PRIMARY KEY, name VARCHAR(20))");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    @AfterEach
    void dispose() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        engines.forEach(Engine::dispose);
    }

    /** An engine of one physical connection (so that every checkout meets the same cache). */
    private Engine engine(Pool pool, int cacheSize) {
        EngineBuilder builder = db.builder().poolSize(1).maxOverflow(0).statementCacheSize(cacheSize);
        Engine engine = switch (pool) {
            case JTA -> ManagedEngines.pooled(builder.options(), new NarayanaTransactionIntegration(tm, tsr),
                    new RegistryTransactions(tsr));
            case XA -> builder.xa(tm, tsr).build();
        };
        engines.add(engine);
        return engine;
    }

    private static void insert(Connection conn, int id) {
        conn.execute(text("INSERT INTO jta_cached (id, name) VALUES (:id, :name)"), Map.of("id", id, "name", "r" + id));
    }

    /** The ids in the table, read without Athanor. */
    private List<Integer> ids() throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (java.sql.Connection c = db.adminConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM jta_cached ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** The cache of the engine's only physical connection. */
    private static StatementCache cacheOf(Engine engine) {
        try (Connection conn = engine.connect()) {
            return StatementCaches.of(engine, conn);
        }
    }

    @ParameterizedTest
    @EnumSource(Pool.class)
    void aStatementCachedInOneTransactionServesTheNextOnesAndFollowsTheirOutcome(Pool pool) throws Exception {
        Engine engine = engine(pool, 10);
        StatementCache cache = cacheOf(engine);
        assertThat(cache).isNotNull();

        tm.begin();
        try (Connection conn = engine.connect()) {
            insert(conn, 1);   // prepared, then given to the cache
        }
        tm.commit();
        PreparedStatement statement = cached(cache, INSERT);
        assertThat(statement).isNotNull();
        long misses = cache.misses();
        long hits = cache.hits();

        try (StatementRecorder recorder = StatementRecorder.on(engine)) {
            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 2);   // the cached statement, in a transaction that rolls back
            }
            tm.rollback();
            assertThat(ids()).containsExactly(1);

            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 3);   // and in one that commits
                assertThat(ids()).containsExactly(1);   // not before the transaction commits
            }
            tm.commit();
            assertThat(ids()).containsExactly(1, 3);

            try (Connection conn = engine.connect()) {   // no JTA transaction: the connection's own
                insert(conn, 4);
                conn.commit();
                insert(conn, 5);
                conn.rollback();
            }
            assertThat(recorder.count()).isEqualTo(4);   // each insert once, nothing else through the engine
        }
        assertThat(ids()).containsExactly(1, 3, 4);
        assertThat(cache.misses()).isEqualTo(misses);   // nothing prepared again
        assertThat(cache.hits() - hits).isEqualTo(4);
        assertThat(cached(cache, INSERT)).isSameAs(statement);
        assertThat(statement.isClosed()).isFalse();
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /**
     * A connection enlisted in a transaction that is then suspended: Agroal's handle refuses to prepare ("Enlisted
     * connection used without active transaction"), and so must a cached statement, which would otherwise write into
     * the suspended transaction. (Fails with the enlistment check of {@code StatementLease} switched off.)
     */
    @ParameterizedTest
    @EnumSource(Pool.class)
    void aCachedStatementIsRefusedWhileItsTransactionIsSuspendedAsAPreparedOneIs(Pool pool) throws Exception {
        Outcome uncached = suspendedTransaction(engine(pool, 0));
        Outcome cached = suspendedTransaction(engine(pool, 10));
        assertThat(uncached.error()).contains("Enlisted connection used without active transaction");
        assertThat(cached).isEqualTo(uncached);
        assertThat(cached.ids()).containsExactly(1);
    }

    private Outcome suspendedTransaction(Engine engine) throws Exception {
        delete();
        String error;
        tm.begin();
        try (Connection conn = engine.connect()) {
            insert(conn, 1);
            Transaction suspended = tm.suspend();
            error = message(catchThrowable(() -> insert(conn, 2)));
            tm.resume(suspended);
        }
        tm.commit();
        return new Outcome(error, ids());
    }

    /**
     * A connection still open when its transaction commits: Agroal closes its handle and returns the physical
     * connection to the pool (PostgreSQL), or keeps it for the handle's held cursors (H2, MariaDB: holdability
     * HOLD_CURSORS_OVER_COMMIT) and refuses it outside a new transaction. Either way a statement through it is
     * refused, cached or not, and nothing of it reaches the next transaction on the same physical connection.
     * (Fails with the checks of {@code StatementLease} switched off: the cached statement's row is committed by the
     * next transaction.)
     */
    @ParameterizedTest
    @EnumSource(Pool.class)
    void aConnectionUsedAfterItsTransactionEndedIsRefusedAsWithoutCache(Pool pool) throws Exception {
        Outcome uncached = usedAfterTheTransaction(engine(pool, 0));
        Outcome cached = usedAfterTheTransaction(engine(pool, 10));
        assertThat(uncached.error()).isNotNull();
        assertThat(cached).isEqualTo(uncached);
        assertThat(cached.ids()).containsExactly(1, 3);
    }

    private Outcome usedAfterTheTransaction(Engine engine) throws Exception {
        delete();
        String error;
        tm.begin();
        Connection stale = engine.connect();
        insert(stale, 1);
        tm.commit();
        error = message(catchThrowable(() -> insert(stale, 2)));
        stale.close();
        tm.begin();
        try (Connection conn = engine.connect()) {   // the same physical connection, in a new transaction
            insert(conn, 3);
        }
        tm.commit();
        assertThat(engine.poolStatus().checkedOut()).isZero();
        return new Outcome(error, ids());
    }

    /**
     * A result still open when its transaction commits: where Agroal closed the connection's handle and returned the
     * physical connection to the pool (PostgreSQL), the statement is closed when the result closes, not given back to
     * a cache that is the next holder's by then; where the handle is kept for its held cursors (H2, MariaDB), the
     * statement goes back to the cache as usual.
     */
    @ParameterizedTest
    @EnumSource(Pool.class)
    void aResultClosedAfterItsTransactionEndedGivesItsStatementBackOnlyIfTheConnectionIsStillHeld(Pool pool)
            throws Exception {
        Engine engine = engine(pool, 10);
        StatementCache cache = cacheOf(engine);
        String select = "SELECT id FROM jta_cached ORDER BY id";
        tm.begin();
        try (Connection conn = engine.connect()) {
            insert(conn, 1);
            insert(conn, 2);
            conn.execute(text(select)).all();   // cached now
        }
        tm.commit();
        PreparedStatement statement = cached(cache, select);
        assertThat(statement).isNotNull();

        tm.begin();
        Connection conn = engine.connect();
        dev.athanor.Result result = conn.execute(text(select));
        assertThat(result.fetchOne().get(0)).isEqualTo(1);
        tm.commit();
        boolean held = !conn.unwrap(java.sql.Connection.class).isClosed();
        assertThat(held).isEqualTo(db != TestDatabase.POSTGRESQL);   // pgJDBC: CLOSE_CURSORS_AT_COMMIT
        result.close();
        conn.close();
        assertThat(statement.isClosed()).isEqualTo(!held);
        assertThat(cached(cache, select)).isEqualTo(held ? statement : null);
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    /** How a scenario ended: the error of the refused statement (its first line), the ids in the table. */
    record Outcome(String error, List<Integer> ids) {
    }

    private static String message(Throwable error) {
        if (error == null) {
            return null;
        }
        assertThat(error).isInstanceOf(DatabaseError.class);
        return error.getMessage().lines().findFirst().orElse("");
    }

    private void delete() throws Exception {
        try (java.sql.Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM jta_cached");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
