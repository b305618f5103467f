package dev.athanor.reliability;

import dev.athanor.Engine;
import dev.athanor.RetryPolicy;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
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

/**
 * Soak (issue 15): 100,000 short transactions on 16 threads sharing an 8 + 8 connection pool, half Core (an UPDATE
 * of one of 4 hot counter rows, so with lock waits), half ORM (load the thread's own entity, change it, flush). The
 * data does not grow, so that H2's in-memory database does not pass for a leak. Afterwards: every transaction's effect is
 * there exactly once, no connection leaked (the pool's status and the database's own count of sessions), and the
 * heap after a full GC is within 10% of its level after the first 10,000. Tagged {@code slow}: the default build
 * skips it; {@code .ci/slow.sh} runs it. Figures go to {@code target/soak-<db>.txt}.
 */
@Tag("slow")
@DatabaseTest
class SoakTest {
    private static final int THREADS = 16;
    private static final int TRANSACTIONS = 100_000;
    private static final int WARM_UP = 10_000;

    @Test
    void hundredThousandShortTransactionsLeakNothing(TestDatabase db) throws Exception {
        try (java.sql.Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
            st.execute("CREATE TABLE counters (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
            st.execute("INSERT INTO counters (id, n) VALUES (0, 0), (1, 0), (2, 0), (3, 0)");
        }
        long sessionsBefore = databaseSessions(db);
        Engine engine = db.builder().poolSize(8).maxOverflow(8).poolTimeout(Duration.ofSeconds(30)).build();
        Registry registry = Registry.of(Measurement.class);
        registry.metadata().createAll(engine);
        SessionMaker sessions = SessionMaker.of(engine, registry);
        sessions.begin(session -> {
            for (int t = 0; t < THREADS; t++) {
                Measurement m = new Measurement();
                m.id = t;
                session.add(m);
            }
        });
        RetryPolicy retry = RetryPolicy.builder().maxAttempts(10).build();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger updates = new AtomicInteger();
        AtomicInteger inserts = new AtomicInteger();
        long baseline = 0;
        long start = System.nanoTime();
        long warmUpEnd = 0;
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (int phase = 0; phase < 2; phase++) {
                int until = phase == 0 ? WARM_UP : TRANSACTIONS;
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int own = t;
                    running.add(threads.submit(() -> {
                        int k;
                        while ((k = next.getAndIncrement()) < until) {
                            int n = k;
                            if (n % 2 == 0) {
                                engine.begin(retry, conn -> conn.execute(text(
                                        "UPDATE counters SET n = n + 1 WHERE id = :id"), Map.of("id", n % 4)));
                                updates.incrementAndGet();
                            } else {
                                sessions.begin(retry, session -> session.get(Measurement.class, own).reading += 1);
                                inserts.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.MINUTES);
                }
                next.set(until); // numbers drawn past the limit by the 16 threads were not used
                if (phase == 0) {
                    warmUpEnd = System.nanoTime();
                    baseline = heapAfterFullGc();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
        long heap = heapAfterFullGc();
        assertThat(engine.poolStatus().checkedOut()).as("pool: nothing checked out").isZero();
        long openDuring = databaseSessions(db);
        engine.dispose();
        long sessionsAfter = awaitSessions(db, sessionsBefore);

        assertThat(updates.get() + inserts.get()).isEqualTo(TRANSACTIONS);
        assertThat(sum(db, "SELECT sum(n) FROM counters")).as("every UPDATE exactly once").isEqualTo(updates.get());
        assertThat(sum(db, "SELECT sum(reading) FROM measurements")).as("every ORM update exactly once")
                .isEqualTo(inserts.get());
        assertThat(openDuring - sessionsBefore).as("the database's sessions: at most the pool's 16")
                .isBetween(0L, 16L);
        assertThat(sessionsAfter).as("the database's sessions after dispose: as before").isEqualTo(sessionsBefore);
        String figures = String.format("%s: %d transactions on %d threads in %d s (%d/s); heap after full GC: %.1f MB "
                + "after %d, %.1f MB after %d (%+.1f%%); database sessions %d before, %d at the end with the pool open, "
                + "%d after dispose%n", db, TRANSACTIONS, THREADS, seconds, TRANSACTIONS / seconds, baseline / 1e6,
                WARM_UP, heap / 1e6, TRANSACTIONS, 100.0 * (heap - baseline) / baseline, sessionsBefore, openDuring,
                sessionsAfter);
        Files.writeString(Path.of("target", "soak-" + db.name().toLowerCase() + ".txt"), figures);
        System.out.print(figures);
        assertThat((double) heap).as("heap after a full GC within 10% of its level after the first 10,000")
                .isLessThanOrEqualTo(baseline * 1.10);
    }

    /** Used heap after full collections (repeated until it settles). */
    private static long heapAfterFullGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(now - used) < used / 100) {
                return Math.min(now, used);
            }
            used = Math.min(now, used);
        }
        return used;
    }

    /** Sessions connected to the test database, as the database counts them (the counting one included). */
    private static long databaseSessions(TestDatabase db) throws Exception {
        String sql = switch (db) {
            case POSTGRESQL -> "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()";
            case MARIADB -> "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE()";
            case H2 -> "SELECT count(*) FROM information_schema.sessions";
        };
        return sum(db, sql);
    }

    /** Waits (up to 10 s) for the database to notice closed sessions. */
    private static long awaitSessions(TestDatabase db, long expected) throws Exception {
        long count = databaseSessions(db);
        for (int i = 0; i < 100 && count != expected; i++) {
            Thread.sleep(100);
            count = databaseSessions(db);
        }
        return count;
    }

    private static long sum(TestDatabase db, String sql) throws Exception {
        try (java.sql.Connection admin = db.adminConnection(); Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
