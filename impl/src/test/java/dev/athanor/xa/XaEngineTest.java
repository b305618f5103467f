package dev.athanor.xa;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.faults.FaultRow;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.TestDatabase;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XA engines built in SE ({@code EngineBuilder.xa(tm, tsr)}) with Narayana: one JTA transaction over two databases
 * (PostgreSQL and MariaDB; two H2 databases on the H2 run) commits both branches or neither.
 */
@Tag("database")
class XaEngineTest {
    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
    private final XaPair pair = XaPair.forRun();
    private Engine a;
    private Engine b;

    @BeforeEach
    void setUp() throws Exception {
        pair.first().createTable("xa_a");
        pair.second().createTable("xa_b");
        a = pair.first().xaEngine(tm, tsr);
        b = pair.second().xaEngine(tm, tsr);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        a.dispose();
        b.dispose();
    }

    private void write(int id) {
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            ca.execute(text("INSERT INTO xa_a (id, label) VALUES (:id, :label)"), Map.of("id", id, "label", "a" + id));
            cb.execute(text("INSERT INTO xa_b (id, label) VALUES (:id, :label)"), Map.of("id", id, "label", "b" + id));
        }
    }

    @Test
    void oneTransactionCommitsBothDatabases() throws Exception {
        tm.begin();
        write(1);
        write(2);
        tm.commit();

        assertThat(pair.first().rows("xa_a")).isEqualTo(2);
        assertThat(pair.second().rows("xa_b")).isEqualTo(2);
        assertThat(pair.first().count("SELECT count(*) FROM xa_a WHERE label = 'a2'")).isEqualTo(1);
        assertThat(pair.first().preparedBranches()).isZero();
        assertThat(pair.second().preparedBranches()).isZero();
        assertThat(a.poolStatus().checkedOut()).isZero();
        assertThat(b.poolStatus().checkedOut()).isZero();
    }

    @Test
    void rollbackAfterBothWritesLeavesNeither() throws Exception {
        tm.begin();
        write(1);
        tm.rollback();

        assertThat(pair.first().rows("xa_a")).isZero();
        assertThat(pair.second().rows("xa_b")).isZero();
        assertThat(a.poolStatus().checkedOut()).isZero();
        assertThat(b.poolStatus().checkedOut()).isZero();
    }

    @Test
    void aFailedSecondBranchRollsBackTheFirst() throws Exception {
        pair.second().execute("INSERT INTO xa_b (id, label) VALUES (7, 'taken')");
        tm.begin();
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            ca.execute(text("INSERT INTO xa_a (id, label) VALUES (7, 'a7')"));
            assertThatThrownBy(() -> cb.execute(text("INSERT INTO xa_b (id, label) VALUES (7, 'b7')")))
                    .isInstanceOf(dev.athanor.IntegrityError.class);
            cb.rollback(); // inside JTA: marks the transaction rollback-only
        }
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);

        assertThat(pair.first().rows("xa_a")).isZero();
        assertThat(pair.second().count("SELECT count(*) FROM xa_b")).isEqualTo(1);
    }

    @Test
    void connectionCommitInsideTheTransactionIsRefused() throws Exception {
        tm.begin();
        try (Connection ca = a.connect()) {
            ca.execute(text("INSERT INTO xa_a (id, label) VALUES (1, 'x')"));
            assertThatThrownBy(ca::commit).isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("inside a JTA transaction");
        }
        tm.commit();
        assertThat(pair.first().rows("xa_a")).isEqualTo(1);
    }

    @Test
    void outsideAJtaTransactionAnXaEngineIsAnOrdinaryEngine() throws Exception {
        a.begin(conn -> conn.execute(text("INSERT INTO xa_a (id, label) VALUES (1, 'local')")));
        try (Connection ca = a.connect()) {
            ca.begin();
            ca.execute(text("INSERT INTO xa_a (id, label) VALUES (2, 'undone')"));
            ca.rollback();
        }
        assertThat(pair.first().count("SELECT count(*) FROM xa_a WHERE id = 1")).isEqualTo(1);
        assertThat(pair.first().rows("xa_a")).isEqualTo(1);
        assertThat(a.poolStatus().checkedOut()).isZero();
    }

    @Test
    void ormSessionsOnBothDatabasesFlushIntoTheTransaction() throws Exception {
        pair.first().execute("DROP TABLE IF EXISTS fault_rows");
        pair.second().execute("DROP TABLE IF EXISTS fault_rows");
        Registry registry = Registry.of(FaultRow.class);
        registry.metadata().createAll(a);
        registry.metadata().createAll(b);
        SessionMaker sa = SessionMaker.of(a, registry);
        SessionMaker sb = SessionMaker.of(b, registry);

        tm.begin();
        try (Session one = sa.open(); Session two = sb.open()) {
            flushBoth(one, two, "kept");
        }
        tm.commit();
        tm.begin();
        try (Session one = sa.open(); Session two = sb.open()) {
            flushBoth(one, two, "undone");
        }
        tm.rollback();
        tm.begin();
        try (Session one = sa.open()) {
            one.add(new FaultRow("abandoned", 1));
            one.flush();
        } // closed with its connection: as its rollback() would, this dooms the transaction
        assertThat(tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
        tm.rollback();

        assertThat(pair.first().count("SELECT count(*) FROM fault_rows WHERE token = 'kept'")).isEqualTo(1);
        assertThat(pair.second().count("SELECT count(*) FROM fault_rows WHERE token = 'kept'")).isEqualTo(1);
        assertThat(pair.first().rows("fault_rows")).isEqualTo(1);
        assertThat(pair.second().rows("fault_rows")).isEqualTo(1);
        assertThat(a.poolStatus().checkedOut()).isZero();
        assertThat(b.poolStatus().checkedOut()).isZero();
    }

    /** Adds a row {@code token} through each Session, flushes both and hands their enlisted connections back. */
    private static void flushBoth(Session one, Session two, String token) {
        one.add(new FaultRow(token, 1));
        two.add(new FaultRow(token, 2));
        one.flush();
        two.flush();
        one.connection().close(); // the transaction decides, not the Sessions
        two.connection().close();
    }

    @Test
    void readReplicasAreRefusedForAnXaEngine() {
        XaPair.Side first = pair.first();
        // the replica URL is the primary's own: refused before any pool is built, not because it is unreachable
        assertThatThrownBy(() -> Engine.builder(first.jdbcUrl()).user(first.user()).password(first.password())
                .replicas(first.jdbcUrl()).xa(tm, tsr).build())
                .isInstanceOf(ArgumentError.class)
                .hasMessageContaining("xa(...) and replicas(...) cannot be combined")
                .hasMessageContaining("not be part of the JTA transaction");
    }

    @Test
    void theRunsPairIsTwoDatabases() {
        assertThat(pair.first().jdbcUrl()).isNotEqualTo(pair.second().jdbcUrl());
        if (TestDatabase.current() != TestDatabase.H2) {
            assertThat(pair.first().kind()).isNotEqualTo(pair.second().kind());
        }
    }
}
