package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.orm.model.Counter;
import dev.athanor.orm.model.PageHits;
import dev.athanor.orm.model.PageHits_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lost-update race of the seed: 20 threads, each with its own session, increment one row 100 times. With
 * {@code assign} (SQL-side increment) the total is exact; with a Java-side increment and {@code @Version}, conflicting
 * commits raise StaleDataError instead of silently losing updates, and retries make the total exact too.
 */
@DatabaseTest
class ConcurrencyTest {
    private static final int THREADS = 20;
    private static final int INCREMENTS = 100;
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        Registry registry = Registry.of(Counter.class, PageHits.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
        sessions.begin(s -> {
            Counter counter = new Counter();
            counter.id = 1L;
            PageHits hits = new PageHits();
            hits.id = 1L;
            s.addAll(List.of(counter, hits));
        });
    }

    private static int visits(Engine engine, String table) {
        return engine.inTransaction(c -> c.execute(text("SELECT visit_count FROM " + table + " WHERE id = 1"))
                .scalarOne(Integer.class));
    }

    private static void runThreads(Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
    }

    @Test
    void sqlSideIncrementsLoseNothing(Engine engine, TestDatabase db) throws Exception {
        runThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                sessions.begin(session -> {
                    PageHits hits = session.get(PageHits.class, 1L);
                    session.assign(hits, PageHits_.visitCount, PageHits_.visitCount.plus(1));
                });
            }
        });
        assertThat(visits(engine, "page_hits")).isEqualTo(THREADS * INCREMENTS);
    }

    @Test
    void javaSideIncrementsWithVersionConflictInsteadOfLosingUpdates(Engine engine) throws Exception {
        AtomicInteger conflicts = new AtomicInteger();
        runThreads(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                while (true) {
                    try {
                        sessions.begin(session -> session.get(Counter.class, 1L).visitCount += 1);
                        break;
                    } catch (StaleDataError e) {
                        conflicts.incrementAndGet();
                    }
                }
            }
        });
        assertThat(visits(engine, "counters")).isEqualTo(THREADS * INCREMENTS);
        assertThat(conflicts.get()).isPositive();
    }
}
