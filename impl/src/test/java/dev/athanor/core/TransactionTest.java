package dev.athanor.core;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.IsolationLevel;
import dev.athanor.ResourceClosedError;
import dev.athanor.Transaction;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLAlchemy 2.0 transaction rules: autobegin, commit as you go, begin once, savepoints, AUTOCOMMIT. */
@DatabaseTest
class TransactionTest {

    @BeforeEach
    void table(Engine engine) {
        engine.begin(conn -> conn.execute(text("CREATE TABLE t (x int)")));
    }

    private static void insert(Connection conn, int x) {
        conn.execute(text("INSERT INTO t (x) VALUES (:x)"), Map.of("x", x));
    }

    private static List<Integer> values(Engine engine) {
        return engine.inTransaction(conn -> conn.execute(text("SELECT x FROM t ORDER BY x")).scalars(Integer.class).all());
    }

    @Test
    void autobeginStartsOnFirstStatementAndAgainAfterCommit(Engine engine) {
        try (Connection conn = engine.connect()) {
            assertThat(conn.inTransaction()).isFalse();
            insert(conn, 1);
            assertThat(conn.inTransaction()).isTrue();
            conn.commit();
            assertThat(conn.inTransaction()).isFalse();
            insert(conn, 2);
            assertThat(conn.inTransaction()).isTrue();
            conn.rollback();
            insert(conn, 3);
            conn.commit();
        }
        assertThat(values(engine)).containsExactly(1, 3);
    }

    @Test
    void closeRollsBackAndReturnsTheConnection(Engine engine, TestDatabase db) throws Exception {
        long before = engine.poolStatus().checkedOut();
        try (StatementRecorder recorder = StatementRecorder.on(engine)) {
            try (Connection conn = engine.connect()) {
                insert(conn, 1);
            }
            assertThat(recorder.rollbacks()).isEqualTo(1);
        }
        assertThat(db.countRows("t")).isZero();
        assertThat(engine.poolStatus().checkedOut()).isEqualTo(before);
    }

    @Test
    void closedConnectionRefusesWork(Engine engine) {
        Connection conn = engine.connect();
        conn.close();
        conn.close(); // idempotent
        assertThat(conn.isClosed()).isTrue();
        assertThatThrownBy(() -> conn.execute(text("SELECT 1")))
                .isInstanceOf(ResourceClosedError.class).hasMessageContaining("closed");
    }

    @Test
    void explicitBeginAfterAutobeginIsAnError(Engine engine) {
        try (Connection conn = engine.connect()) {
            insert(conn, 1);
            assertThatThrownBy(conn::begin).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("already begun");
        }
    }

    @Test
    void explicitTransactionCommitsOrRollsBackOnClose(Engine engine) {
        try (Connection conn = engine.connect()) {
            try (Transaction tx = conn.begin()) {
                insert(conn, 1);
                assertThat(tx.isActive()).isTrue();
                tx.commit();
                assertThat(tx.isActive()).isFalse();
            }
            try (Transaction tx = conn.begin()) {
                insert(conn, 2);
            } // closed without commit: rolled back
            assertThat(conn.inTransaction()).isFalse();
        }
        assertThat(values(engine)).containsExactly(1);
    }

    @Test
    void savepointRollbackKeepsTheOuterTransaction(Engine engine) {
        try (Connection conn = engine.connect()) {
            insert(conn, 1);
            Transaction savepoint = conn.beginNested();
            assertThat(conn.inNestedTransaction()).isTrue();
            insert(conn, 2);
            savepoint.rollback();
            assertThat(savepoint.isActive()).isFalse();
            assertThat(conn.inTransaction()).isTrue();
            try (Transaction kept = conn.beginNested()) {
                insert(conn, 3);
                kept.commit();
            }
            conn.commit();
        }
        assertThat(values(engine)).containsExactly(1, 3);
    }

    @Test
    void nestedSavepointsEndWithTheirParent(Engine engine) {
        try (Connection conn = engine.connect()) {
            Transaction outer = conn.beginNested();   // begins the transaction as well
            insert(conn, 1);
            Transaction inner = conn.beginNested();
            insert(conn, 2);
            outer.rollback();                          // rolls back past the inner savepoint
            assertThat(inner.isActive()).isFalse();
            assertThatThrownBy(inner::commit).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("no longer active");
            insert(conn, 3);
            conn.commit();
        }
        assertThat(values(engine)).containsExactly(3);
    }

    @Test
    void savepointClosedWithoutCommitRollsBack(Engine engine) {
        try (Connection conn = engine.connect()) {
            insert(conn, 1);
            try (Transaction ignored = conn.beginNested()) {
                insert(conn, 2);
            }
            conn.commit();
        }
        assertThat(values(engine)).containsExactly(1);
    }

    @Test
    void beginOnceRollsBackAndRethrows(Engine engine) {
        RuntimeException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> engine.begin(conn -> {
            insert(conn, 1);
            throw boom;
        })).isSameAs(boom);
        Integer result = engine.inTransaction(conn -> {
            insert(conn, 2);
            return 7;
        });
        assertThat(result).isEqualTo(7);
        assertThat(values(engine)).containsExactly(2);
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void beginOnceCommitsWorkDoneAfterAnInnerCommit(Engine engine) {
        engine.begin(conn -> {
            insert(conn, 1);
            conn.commit();
            insert(conn, 2); // autobegun again; the block's end commits it
        });
        assertThat(values(engine)).containsExactly(1, 2);
    }

    @Test
    void autocommitIsolationCommitsEachStatement(TestDatabase db) throws Exception {
        Engine engine = db.builder().isolationLevel(IsolationLevel.AUTOCOMMIT).poolSize(1).build();
        try (Connection conn = engine.connect()) {
            insert(conn, 5);
            assertThat(conn.inTransaction()).isFalse();
            conn.rollback(); // nothing to roll back
            assertThatThrownBy(conn::beginNested).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("AUTOCOMMIT");
        } finally {
            engine.dispose();
        }
        assertThat(db.countRows("t")).isEqualTo(1);
    }

    @Test
    void isolationLevelIsApplied(TestDatabase db) {
        Engine engine = db.builder().isolationLevel("SERIALIZABLE").poolSize(1).build();
        try (Connection conn = engine.connect()) {
            assertThat(conn.unwrap(java.sql.Connection.class).getTransactionIsolation())
                    .isEqualTo(java.sql.Connection.TRANSACTION_SERIALIZABLE);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void uncommittedWorkIsInvisibleToOtherConnections(Engine engine, TestDatabase db) throws Exception {
        try (Connection writer = engine.connect()) {
            insert(writer, 1);
            assertThat(db.countRows("t")).isZero();
            writer.commit();
        }
        assertThat(db.countRows("t")).isEqualTo(1);
    }
}
