package dev.athanor.core;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.OperationalError;
import dev.athanor.PoolTimeoutError;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The Agroal pool behind the engine, under faults and load. */
@DatabaseTest
class PoolTest {

    @Test
    void exhaustedPoolTimesOutWithPoolTimeoutError(TestDatabase db) {
        Engine engine = db.builder().poolSize(1).maxOverflow(0).poolTimeout(Duration.ofMillis(500)).build();
        try (Connection held = engine.connect()) {
            held.execute(text("SELECT 1"));
            long start = System.nanoTime();
            assertThatThrownBy(engine::connect)
                    .isInstanceOf(PoolTimeoutError.class)
                    .hasMessageContaining("PT0.5S")
                    .hasMessageContaining("poolSize 1")
                    .satisfies(e -> assertThat(((PoolTimeoutError) e).code()).isEqualTo("pool-timeout"));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(waitedMillis).isBetween(400L, 10_000L);
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(1);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void overflowAllowsMoreThanPoolSize(TestDatabase db) {
        Engine engine = db.builder().poolSize(1).maxOverflow(2).poolTimeout(Duration.ofMillis(500)).build();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Connection conn = engine.connect();
                conn.execute(text("SELECT 1"));
                held.add(conn);
            }
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(3);
            assertThat(engine.poolStatus().maxSize()).isEqualTo(3);
            assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutError.class);
        } finally {
            held.forEach(Connection::close);
            engine.dispose();
        }
    }

    @Test
    void killedBackendIsReplacedOnCheckoutWithPrePing(TestDatabase db) throws Exception {
        assumeTrue(db.canKillBackend(), "needs a database that can kill a session from outside");
        Engine engine = db.builder().poolSize(1).maxOverflow(0).prePing(true).build();
        try {
            long first = killPooledBackend(engine, db);
            long second = backendId(engine, db);   // pre-ping found the dead connection and opened a new one
            assertThat(second).isNotEqualTo(first);
            assertThat(engine.poolStatus().invalidated()).isGreaterThanOrEqualTo(1);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void killedBackendWithoutPrePingFailsOnceThenRecovers(TestDatabase db) throws Exception {
        assumeTrue(db.canKillBackend(), "needs a database that can kill a session from outside");
        Engine engine = db.builder().poolSize(1).maxOverflow(0).prePing(false).build();
        try {
            long first = killPooledBackend(engine, db);
            try (Connection conn = engine.connect()) {
                assertThatThrownBy(() -> conn.execute(text("SELECT 1")))
                        .isInstanceOf(OperationalError.class);
            }
            // The exception sorter marked the dead connection: the next checkout gets a fresh one.
            assertThat(backendId(engine, db)).isNotEqualTo(first);
        } finally {
            engine.dispose();
        }
    }

    /** Kills the backend of the engine's single pooled connection, behind the pool's back; returns its id. */
    private static long killPooledBackend(Engine engine, TestDatabase db) throws Exception {
        long id = backendId(engine, db);
        db.killBackend(id);
        waitUntilGone(db, id);
        return id;
    }

    private static long backendId(Engine engine, TestDatabase db) {
        try (Connection conn = engine.connect()) {
            return conn.execute(text(db.backendIdQuery())).scalarOne(Long.class);
        }
    }

    /** A kill is asynchronous on the server: wait until the session is really gone. */
    private static void waitUntilGone(TestDatabase db, long id) throws Exception {
        String check = db == TestDatabase.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE pid = " + id
                : "SELECT count(*) FROM information_schema.processlist WHERE id = " + id;
        for (int i = 0; i < 100; i++) {
            try (java.sql.Connection admin = db.adminConnection();
                    java.sql.ResultSet rs = admin.createStatement().executeQuery(check)) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backend " + id + " still alive after kill");
    }

    @Test
    void recycledConnectionsAreReplaced(TestDatabase db) throws Exception {
        Engine engine = db.builder().poolSize(1).maxOverflow(0).poolRecycle(Duration.ofMillis(300)).build();
        try {
            long first = backendId(engine, db);
            long next = first;
            for (int i = 0; i < 100 && next == first; i++) {
                Thread.sleep(100);
                next = backendId(engine, db);
            }
            assertThat(next).as("a connection older than poolRecycle is replaced").isNotEqualTo(first);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void leakDetectionCountsConnectionsHeldTooLong(TestDatabase db) throws Exception {
        Engine engine = db.builder().poolSize(1).leakDetection(Duration.ofMillis(100)).build();
        try (Connection held = engine.connect()) {
            held.execute(text("SELECT 1"));
            for (int i = 0; i < 100 && engine.poolStatus().leaks() == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(engine.poolStatus().leaks()).isGreaterThanOrEqualTo(1);
        } finally {
            engine.dispose();
        }
    }

    @Test
    void fiftyThreadsTwoHundredTransactionsOnAPoolOfFive(TestDatabase db) throws Exception {
        Engine engine = db.builder().poolSize(5).maxOverflow(0).poolTimeout(Duration.ofSeconds(60)).build();
        ExecutorService threads = Executors.newFixedThreadPool(50);
        try {
            engine.begin(conn -> conn.execute(text("CREATE TABLE hits (thread_no int, n int)")));
            AtomicInteger rolledBack = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 50; t++) {
                int threadNo = t;
                futures.add(threads.submit(() -> {
                    for (int n = 0; n < 200; n++) {
                        int i = n;
                        engine.begin(conn -> conn.execute(text("INSERT INTO hits (thread_no, n) VALUES (:t, :n)"),
                                Map.of("t", threadNo, "n", i)));
                        if (n % 50 == 0) { // some transactions roll back: they must leave nothing behind
                            try (Connection conn = engine.connect()) {
                                conn.execute(text("INSERT INTO hits (thread_no, n) VALUES (:t, -1)"), Map.of("t", threadNo));
                                conn.rollback();
                                rolledBack.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
            assertThat(rolledBack.get()).isEqualTo(200);
            assertThat(db.countRows("hits")).isEqualTo(10_000);
            long perThreadMismatch = engine.inTransaction(conn -> conn.execute(text(
                    "SELECT count(*) FROM (SELECT thread_no FROM hits GROUP BY thread_no HAVING count(*) <> 200) x"))
                    .scalarOne(Long.class));
            assertThat(perThreadMismatch).isZero();
            assertThat(engine.poolStatus().checkedOut()).as("no leaked connection").isZero();
            assertThat(engine.poolStatus().total()).isLessThanOrEqualTo(5);
        } finally {
            threads.shutdownNow();
            engine.dispose();
        }
    }

    /**
     * Exhaustion under concurrency: every waiter gets {@link PoolTimeoutError} after the configured time-out (not
     * sooner, not much later), nothing is left waiting, and the pool serves again at once when connections are
     * released.
     */
    @Test
    void exhaustedPoolTimesOutEveryWaiterThenRecoversAfterRelease(TestDatabase db) throws Exception {
        Duration timeout = Duration.ofMillis(300);
        Engine engine = db.builder().poolSize(2).maxOverflow(0).poolTimeout(timeout).build();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Connection> held = new ArrayList<>();
        try {
            held.add(engine.connect());
            held.add(engine.connect());
            List<Future<Long>> waiters = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                waiters.add(threads.submit(() -> {
                    long start = System.nanoTime();
                    assertThatThrownBy(engine::connect).isInstanceOf(PoolTimeoutError.class)
                            .hasMessageContaining("PT0.3S");
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }));
            }
            for (Future<Long> waiter : waiters) {
                assertThat(waiter.get(1, TimeUnit.MINUTES)).isBetween(250L, 10_000L);
            }
            assertThat(engine.poolStatus().awaiting()).isZero();
            assertThat(engine.poolStatus().checkedOut()).isEqualTo(2);

            held.remove(0).close();
            long start = System.nanoTime();
            try (Connection conn = engine.connect()) {
                assertThat(conn.execute(text("SELECT 1")).scalarOne(Integer.class)).isEqualTo(1);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(250L);
            held.forEach(Connection::close);
            held.clear();
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) { // as many as the pool holds: no waiting, no time-out under a busy CPU
                workers.add(threads.submit(() -> {
                    int done = 0;
                    for (int i = 0; i < 25; i++) {
                        done += engine.inTransaction(conn -> conn.execute(text("SELECT 1")).scalarOne(Integer.class));
                    }
                    return done;
                }));
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(1, TimeUnit.MINUTES)).isEqualTo(25);
            }
            assertThat(engine.poolStatus().checkedOut()).isZero();
        } finally {
            held.forEach(Connection::close);
            threads.shutdownNow();
            engine.dispose();
        }
    }
}
