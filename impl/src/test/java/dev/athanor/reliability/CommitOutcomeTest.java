package dev.athanor.reliability;

import dev.athanor.CommitOutcomeUnknownError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.OperationalError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.FaultProxy;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Defect 3 of issue 15: a connection lost while COMMIT is under way is a {@link CommitOutcomeUnknownError}, a loss
 * before COMMIT a plain {@link OperationalError}. Real servers behind a {@link FaultProxy} that forwards COMMIT and
 * then cuts the connection before the answer (so the server did commit), and on PostgreSQL a backend terminated
 * while its COMMIT runs a deferred trigger (so it did not).
 */
@DatabaseTest
class CommitOutcomeTest {
    private TestDatabase db;

    @BeforeEach
    void schema(TestDatabase db) throws Exception {
        assumeTrue(db.canKillBackend(), "needs a database server reached over the network");
        this.db = db;
        try (java.sql.Connection jdbc = db.adminConnection(); Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE payments (id INTEGER PRIMARY KEY, amount INTEGER)");
        }
    }


    /**
     * The table's row count, polled until it is {@code expected} (at most 10 s): the server carries out a COMMIT the
     * proxy forwarded on its own time, which on a loaded machine can be after the client saw the cut.
     */
    private long countOnceSettled(String table, long expected) throws Exception {
        long count = db.countRows(table);
        for (int i = 0; i < 100 && count != expected; i++) {
            Thread.sleep(100);
            count = db.countRows(table);
        }
        return count;
    }

    private static void pay(Connection conn, int id) {
        conn.execute(text("INSERT INTO payments (id, amount) VALUES (:id, 10)"), Map.of("id", id));
    }

    @Test
    void connectionLostAfterCommitWasSentIsAnUnknownOutcome() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = proxy.engine();
            proxy.cutAfterClientSends("COMMIT", 300);
            assertThatThrownBy(() -> engine.begin(conn -> pay(conn, 1)))
                    .isInstanceOf(CommitOutcomeUnknownError.class)
                    .hasMessageContaining("may or may not have been committed")
                    .satisfies(e -> assertThat(((CommitOutcomeUnknownError) e).code())
                            .isEqualTo("commit-outcome-unknown"));
            assertThat(proxy.cuts()).isEqualTo(1);
            assertThat(countOnceSettled("payments", 1)).as("the server did commit").isEqualTo(1);
            assertThat(engine.poolStatus().checkedOut()).isZero();
            engine.begin(conn -> pay(conn, 2)); // the broken connection was discarded, the engine works on
            assertThat(db.countRows("payments")).isEqualTo(2);
        }
    }

    @Test
    void transactionCommitAndSessionCommitReportItToo() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = proxy.engine();
            try (Connection conn = engine.connect()) {
                var tx = conn.begin();
                pay(conn, 1);
                proxy.cutAfterClientSends("COMMIT", 300);
                assertThatThrownBy(tx::commit).isInstanceOf(CommitOutcomeUnknownError.class);
            }
            Registry registry = Registry.of(Measurement.class);
            registry.metadata().createAll(engine);
            SessionMaker sessions = SessionMaker.of(engine, registry);
            try (Session session = sessions.open()) {
                Measurement m = new Measurement();
                m.id = 7;
                m.reading = 1.5;
                session.add(m);
                proxy.cutAfterClientSends("COMMIT", 300);
                assertThatThrownBy(session::commit).isInstanceOf(CommitOutcomeUnknownError.class);
                session.rollback(); // what the docs say to do: the session is usable again
            }
            assertThat(proxy.cuts()).isEqualTo(2);
            assertThat(countOnceSettled("payments", 1)).isEqualTo(1);
            assertThat(countOnceSettled("measurements", 1)).isEqualTo(1);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    /**
     * The pool used to wait for Agroal to replace an invalidated connection for up to {@code poolTimeout}, even when
     * the replacement had already failed because the database was down: the thread that met the dead connection was
     * held for the whole time-out (found by the fault suite's restart test: Session.close() after an unknown COMMIT
     * outcome took 8 s). Now the wait ends when Agroal fails to open a connection.
     */
    @Test
    void aConnectionLostWhileTheDatabaseIsDownFailsWithoutWaitingForPoolTimeout() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = Engine.builder(proxy.jdbcUrl()).user(db.user()).password(db.password()).poolSize(2)
                    .poolTimeout(java.time.Duration.ofSeconds(20)).build();
            try {
                engine.begin(conn -> pay(conn, 1));
                proxy.down(true); // from now on no new connection gets through: Agroal cannot refill
                proxy.cutAfterClientSends("COMMIT", 300);
                long start = System.nanoTime();
                // the connection is invalidated when it is closed: that is where the pool waited
                assertThatThrownBy(() -> engine.begin(conn -> pay(conn, 2)))
                        .isInstanceOf(CommitOutcomeUnknownError.class);
                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(seconds).as("seconds until the error (poolTimeout is 20 s)").isLessThan(10.0);
                proxy.down(false);
                engine.begin(conn -> pay(conn, 3)); // the database is back: the pool serves again at once
                assertThat(countOnceSettled("payments", 3)).isEqualTo(3);
                assertThat(engine.poolStatus().checkedOut()).isZero();
            } finally {
                engine.dispose();
            }
        }
    }

    @Test
    void connectionLostBeforeCommitIsAPlainOperationalError() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = proxy.engine();
            assertThatThrownBy(() -> engine.begin(conn -> {
                pay(conn, 1);
                proxy.cutAll();
                pay(conn, 2);
            })).isInstanceOf(OperationalError.class).isNotInstanceOf(CommitOutcomeUnknownError.class);
            assertThat(db.countRows("payments")).as("rolled back with the connection").isZero();
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    /** PostgreSQL: the backend is terminated while COMMIT runs a deferred constraint trigger (it sleeps). */
    @Test
    void backendTerminatedDuringCommitIsAnUnknownOutcome(Engine engine) throws Exception {
        assumeTrue(db == TestDatabase.POSTGRESQL, "deferred constraint triggers are PostgreSQL's");
        try (java.sql.Connection jdbc = db.adminConnection(); Statement st = jdbc.createStatement()) {
            st.execute("CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN PERFORM pg_sleep(5); RETURN NULL; END $$");
            st.execute("CREATE CONSTRAINT TRIGGER payments_slow_commit AFTER INSERT ON payments "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit()");
        }
        try (Connection conn = engine.connect()) {
            long pid = conn.execute(text(db.backendIdQuery())).scalarOne(Long.class);
            pay(conn, 1);
            CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
                try {
                    awaitCommitRunning(pid);
                    db.killBackend(pid);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThatThrownBy(conn::commit).isInstanceOf(CommitOutcomeUnknownError.class);
            killer.get(10, TimeUnit.SECONDS);
        }
        assertThat(db.countRows("payments")).as("killed before the commit record: rolled back").isZero();
        assertThat(engine.poolStatus().checkedOut()).isZero();
        int one = engine.inTransaction(c -> c.execute(text("SELECT 1")).scalarOne(Integer.class));
        assertThat(one).isEqualTo(1);
    }

    /** Waits until the backend runs the trigger's pg_sleep, i.e. is inside COMMIT. */
    private void awaitCommitRunning(long pid) throws Exception {
        try (java.sql.Connection jdbc = db.adminConnection(); Statement st = jdbc.createStatement()) {
            for (int i = 0; i < 200; i++) {
                try (var rs = st.executeQuery("SELECT query FROM pg_stat_activity WHERE pid = " + pid
                        + " AND state = 'active' AND datname = current_database()")) {
                    if (rs.next() && rs.getString(1).toUpperCase().contains("COMMIT")) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the backend never ran COMMIT");
        }
    }
}
