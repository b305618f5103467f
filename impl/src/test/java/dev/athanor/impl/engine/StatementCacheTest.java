package dev.athanor.impl.engine;

import dev.athanor.Connection;
import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.impl.pool.StatementCache;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The per-connection prepared-statement cache ({@code statementCacheSize}): a repeated SQL text runs on the same JDBC
 * statement, also across checkouts of the same pooled connection; a full cache closes the least recently used; a
 * statement that failed is closed, not reused; two open results of one SQL get two statements; a table changed
 * between two uses is read with its new columns; size 0 prepares every statement anew.
 */
@DatabaseTest
class StatementCacheTest {
    private final List<Engine> engines = new ArrayList<>();
    private TestDatabase db;

    @BeforeEach
    void schema(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dispose() {
        engines.forEach(Engine::dispose);
    }

    private EngineImpl engine(int cacheSize) {
        Engine engine = db.builder().poolSize(1).maxOverflow(0).statementCacheSize(cacheSize).build();
        engines.add(engine);
        return (EngineImpl) engine;
    }

    private static StatementCache cacheOf(EngineImpl engine, Connection connection) {
        return engine.pool().statementCache(connection.unwrap(java.sql.Connection.class));
    }

    private static PreparedStatement cached(StatementCache cache, String sql) {
        return StatementCaches.cached(cache, sql);
    }

    private static void create(Engine engine) {
        engine.begin(conn -> {
            conn.execute(text("CREATE TABLE cached_items (id INTEGER PRIMARY KEY, name VARCHAR(40))"));
            for (int i = 1; i <= 3; i++) {
                conn.execute(text("INSERT INTO cached_items (id, name) VALUES (:id, :name)"),
                        Map.of("id", i, "name", "item" + i));
            }
        });
    }

    @Test
    void aRepeatedStatementRunsOnTheSameJdbcStatementAcrossCheckouts() throws Exception {
        EngineImpl engine = engine(10);
        create(engine);
        String sql = "SELECT name FROM cached_items WHERE id = ?";
        PreparedStatement first;
        long hitsBefore;
        try (Connection conn = engine.connect()) {
            StatementCache cache = cacheOf(engine, conn);
            hitsBefore = cache.hits();
            assertThat(conn.execute(text("SELECT name FROM cached_items WHERE id = :id"), Map.of("id", 1)).scalar())
                    .isEqualTo("item1");
            first = cached(cache, sql);
            assertThat(first).isNotNull();
        }
        try (Connection conn = engine.connect()) {   // the pool's only connection again
            StatementCache cache = cacheOf(engine, conn);
            try (StatementRecorder recorder = StatementRecorder.on(engine)) {
                for (int id = 1; id <= 3; id++) {
                    assertThat(conn.execute(text("SELECT name FROM cached_items WHERE id = :id"), Map.of("id", id))
                            .scalar()).isEqualTo("item" + id);
                }
                assertThat(recorder.count()).isEqualTo(3);   // every execution still reaches the database
            }
            assertThat(cached(cache, sql)).isSameAs(first);
            assertThat(first.isClosed()).isFalse();
            assertThat(cache.hits() - hitsBefore).isGreaterThanOrEqualTo(4);   // the takes of cached() count too
        }
    }

    /**
     * An asyncio task's statements come from the cache too; a cancel of the task that comes after its statement went
     * back to the cache must not reach the statement, which serves the next holder of the connection by then (here a
     * long run of the same SQL, which the late cancel would abort).
     */
    @Test
    void aLateCancelOfACancellableTaskDoesNotReachItsStatementOnceBackInTheCache() throws Exception {
        EngineImpl engine = engine(10);
        String sleep = switch (db) {
            case POSTGRESQL -> "SELECT pg_sleep(:n)";
            case MARIADB -> "SELECT SLEEP(:n)";
            case H2 -> "SELECT COUNT(*) FROM SYSTEM_RANGE(1, :n) a WHERE MOD(a.X * 7, 13) = 5";
        };
        long shortRun = 0;
        long longRun = db == TestDatabase.H2 ? 60_000_000L : 2;
        try (Connection conn = engine.connect()) {
            StatementCache cache = cacheOf(engine, conn);
            StatementScope task = new StatementScope();
            StatementScope previous = StatementScope.enter(task);
            try {
                conn.execute(text(sleep), Map.of("n", shortRun)).all();
            } finally {
                StatementScope.exit(previous);
            }
            String jdbcSql = sleep.replace(":n", "?");
            PreparedStatement used = cached(cache, jdbcSql);
            assertThat(used).isNotNull();   // the task's statement went back to the cache
            Thread lateCancel = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                task.cancel();   // the task is long over
            });
            lateCancel.start();
            conn.execute(text(sleep), Map.of("n", longRun)).all();   // not cancelled: it is not the task's
            lateCancel.join();
            assertThat(cached(cache, jdbcSql)).isSameAs(used);
        }
    }

    @Test
    void aFullCacheClosesTheLeastRecentlyUsedStatement() throws Exception {
        EngineImpl engine = engine(2);
        create(engine);
        try (Connection conn = engine.connect()) {
            StatementCache cache = cacheOf(engine, conn);
            cache.clear();   // the statements of create()
            conn.execute(text("SELECT id FROM cached_items WHERE id = 1")).all();
            PreparedStatement oldest = cached(cache, "SELECT id FROM cached_items WHERE id = 1");
            long evictions = cache.evictions();
            conn.execute(text("SELECT id FROM cached_items WHERE id = 2")).all();
            conn.execute(text("SELECT id FROM cached_items WHERE id = 3")).all();
            assertThat(cache.evictions() - evictions).isEqualTo(1);
            assertThat(cache.size()).isEqualTo(2);
            assertThat(oldest.isClosed()).isTrue();
            assertThat(cached(cache, "SELECT id FROM cached_items WHERE id = 1")).isNull();
            assertThat(conn.execute(text("SELECT id FROM cached_items WHERE id = 1")).scalar()).isEqualTo(1);
        }
    }

    @Test
    void aStatementThatFailedIsClosedNotReused() throws Exception {
        EngineImpl engine = engine(10);
        create(engine);
        String sql = "INSERT INTO cached_items (id, name) VALUES (?, ?)";
        try (Connection conn = engine.connect()) {
            StatementCache cache = cacheOf(engine, conn);
            conn.execute(text("INSERT INTO cached_items (id, name) VALUES (:id, :name)"), Map.of("id", 4, "name", "d"));
            PreparedStatement good = cached(cache, sql);
            assertThat(good).isNotNull();
            assertThatThrownBy(() -> conn.execute(text("INSERT INTO cached_items (id, name) VALUES (:id, :name)"),
                    Map.of("id", 4, "name", "again"))).isInstanceOf(IntegrityError.class);
            assertThat(good.isClosed()).isTrue();
            assertThat(cached(cache, sql)).isNull();
            conn.rollback();
            conn.execute(text("INSERT INTO cached_items (id, name) VALUES (:id, :name)"), Map.of("id", 5, "name", "e"));
            assertThat(cached(cache, sql)).isNotNull().isNotSameAs(good);
            conn.commit();
        }
    }

    @Test
    void twoOpenResultsOfOneStatementReadIndependently() {
        EngineImpl engine = engine(10);
        create(engine);
        try (Connection conn = engine.connect()) {
            cacheOf(engine, conn).clear();   // the statements of create()
            conn.execute(text("SELECT id FROM cached_items ORDER BY id")).all();   // cached now
            try (Result a = conn.execute(text("SELECT id FROM cached_items ORDER BY id"));
                    Result b = conn.execute(text("SELECT id FROM cached_items ORDER BY id"))) {
                assertThat(a.fetchOne().get(0)).isEqualTo(1);
                assertThat(b.fetchOne().get(0)).isEqualTo(1);
                assertThat(a.fetchOne().get(0)).isEqualTo(2);
                assertThat(b.all()).extracting(row -> row.get(0)).containsExactly(2, 3);
                assertThat(a.all()).extracting(row -> row.get(0)).containsExactly(3);
            }
            assertThat(cacheOf(engine, conn).size()).isEqualTo(1);   // one of the two kept
        }
    }

    @Test
    void aTableChangedBetweenTwoUsesIsReadWithItsNewColumns() throws Exception {
        tableChangedBetweenTwoUses(10);
    }

    @Test
    void aTableChangedBetweenTwoUsesIsReadWithItsNewColumnsWithoutCacheToo() throws Exception {
        tableChangedBetweenTwoUses(0);   // pgJDBC's own server-side statements meet the same error
    }

    private void tableChangedBetweenTwoUses(int cacheSize) throws Exception {
        EngineImpl engine = engine(cacheSize);
        create(engine);
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 6; i++) {   // past pgJDBC's prepareThreshold: a server-side prepared statement
                assertThat(conn.execute(text("SELECT * FROM cached_items WHERE id = :id"), Map.of("id", 1)).one()
                        .size()).isEqualTo(2);
            }
            conn.commit();
            alter("ALTER TABLE cached_items ADD COLUMN extra INTEGER");
            // PostgreSQL answers "cached plan must not change result type" (the server-side prepared statement no
            // longer fits): the statement was alone in its transaction, so it is rolled back and prepared again
            Row row = conn.execute(text("SELECT * FROM cached_items WHERE id = :id"), Map.of("id", 1)).one();
            assertThat(row.size()).isEqualTo(3);
            assertThat(row.keys()).extracting(String::toLowerCase).containsExactly("id", "name", "extra");
            conn.commit();
        }
    }

    @Test
    void onPostgreSQLATableChangedInsideATransactionFailsClearly() throws Exception {
        // (MariaDB's ALTER TABLE would wait for the open transaction's metadata lock: a change under a running
        // transaction is PostgreSQL's case, where the table's lock is not held between statements)
        assumeTrue(db == TestDatabase.POSTGRESQL, "PostgreSQL only");
        EngineImpl engine = engine(10);
        create(engine);
        try (Connection conn = engine.connect()) {
            for (int i = 0; i < 6; i++) {
                conn.execute(text("SELECT * FROM cached_items WHERE id = :id"), Map.of("id", 1)).one();
            }
            conn.commit();
            conn.execute(text("SELECT 1")).scalar();   // a transaction that already ran a statement
            alter("ALTER TABLE cached_items ADD COLUMN extra INTEGER");
            // the transaction ran a statement already and PostgreSQL has aborted it: the error is reported
            assertThatThrownBy(() -> conn.execute(text("SELECT * FROM cached_items WHERE id = :id"),
                    Map.of("id", 1))).isInstanceOf(DatabaseError.class)
                    .hasMessageContaining("cached plan must not change result type")
                    .hasMessageContaining("SELECT * FROM cached_items");
            conn.rollback();
            assertThat(conn.execute(text("SELECT * FROM cached_items WHERE id = :id"), Map.of("id", 1)).one()
                    .size()).isEqualTo(3);
        }
    }

    /** A change of the table by another session (a migration), committed. */
    private void alter(String ddl) throws Exception {
        try (java.sql.Connection other = db.adminConnection(); java.sql.Statement statement = other.createStatement()) {
            statement.execute(ddl);
            if (!other.getAutoCommit()) {
                other.commit();
            }
        }
    }

    @Test
    void theAsyncBuildersSizeReachesItsPool() {
        for (int size : new int[] {0, 3}) {
            dev.athanor.asyncio.AsyncEngine async = dev.athanor.asyncio.AsyncEngine.builder(db.jdbcUrl())
                    .user(db.user()).password(db.password()).poolSize(1).maxOverflow(0).statementCacheSize(size)
                    .build();
            try (Connection conn = async.sync().connect()) {
                StatementCache cache = StatementCaches.of(async.sync(), conn);
                if (size == 0) {
                    assertThat(cache).isNull();
                } else {
                    conn.execute(text("SELECT 1")).scalar();
                    conn.execute(text("SELECT 1")).scalar();
                    assertThat(cache.size()).isEqualTo(1);
                    assertThat(cache.hits()).isEqualTo(1);
                }
            } finally {
                async.dispose().toCompletableFuture().join();
            }
        }
    }

    @Test
    void sizeZeroPreparesEveryStatementAnew() {
        EngineImpl engine = engine(0);
        create(engine);
        try (Connection conn = engine.connect()) {
            assertThat(cacheOf(engine, conn)).isNull();
            for (int id = 1; id <= 3; id++) {
                assertThat(conn.execute(text("SELECT name FROM cached_items WHERE id = :id"), Map.of("id", id))
                        .scalar()).isEqualTo("item" + id);
            }
        }
    }
}
