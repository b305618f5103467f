package dev.athanor.asyncio;

import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.Row;
import dev.athanor.impl.asyncio.CursorPublisher;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The execution model under load: the 10,000-task queue, cancellation of a long statement, streaming. */
@DatabaseTest
class AsyncLoadTest {

    private static AsyncEngine pooled(TestDatabase db, int size) {
        return AsyncEngine.builder(db.jdbcUrl()).user(db.user()).password(db.password())
                .poolSize(size).maxOverflow(0).streamBatchSize(500).build();
    }

    @Test
    void tenThousandTasksOverTenConnectionsCompleteInArrivalOrder(Engine blocking, TestDatabase db) {
        blocking.begin(c -> c.execute(text("CREATE TABLE q (id int PRIMARY KEY, v int)")));
        blocking.begin(c -> c.execute(text("INSERT INTO q (id, v) VALUES (1, 7)")));
        AsyncEngine engine = pooled(db, 10);
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        int tasks = 10_000;
        AtomicInteger started = new AtomicInteger();
        AtomicLong maxCheckedOut = new AtomicLong();
        int[] startedAs = new int[tasks];
        List<CompletableFuture<Integer>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int task = i;
            futures.add(sessions.inSession(s -> s.callSync(session -> {
                startedAs[task] = started.getAndIncrement();
                maxCheckedOut.accumulateAndGet(engine.sync().poolStatus().checkedOut(), Math::max);
                return ((Number) session.scalar(text("SELECT v FROM q WHERE id = 1"))).intValue();
            })).toCompletableFuture());
        }
        assertThat(engine.status().waiting()).as("queued without threads").isGreaterThan(1000);
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();

        assertThat(futures).allMatch(f -> f.join() == 7);
        assertThat(started.get()).isEqualTo(tasks);
        AsyncStatus status = engine.status();
        assertThat(status.peakThreads()).as("threads of the async engine").isLessThanOrEqualTo(10);
        assertThat(status.peakHolding()).isEqualTo(10);
        assertThat(maxCheckedOut.get()).as("pool never above its size").isLessThanOrEqualTo(10);
        // arrival order: the queue grants connections first come, first served, so task i starts within
        // (connections - 1) places of i; a worker the OS deschedules between taking a task and running its first line
        // (2 busy cores here) shifts that one task, so the bound is asked of 99% of them and none may starve
        int inPlace = 0;
        int worst = 0;
        for (int i = 0; i < tasks; i++) {
            int shift = Math.abs(startedAs[i] - i);
            inPlace += shift < 10 ? 1 : 0;
            worst = Math.max(worst, shift);
        }
        assertThat(inPlace).as("tasks started within 10 places of their arrival").isGreaterThanOrEqualTo(tasks * 99 / 100);
        assertThat(worst).as("no task starved").isLessThan(tasks / 5);
        assertThat(engine.sync().poolStatus().checkedOut()).isZero();
        engine.dispose().toCompletableFuture().join();
    }

    @Test
    void queueTimeoutIsConfigurable(TestDatabase db) {
        AsyncEngine engine = AsyncEngine.builder(db.jdbcUrl()).user(db.user()).password(db.password())
                .poolSize(1).maxOverflow(0).queueTimeout(java.time.Duration.ofMillis(200)).build();
        AsyncConnection held = engine.connect().toCompletableFuture().join();
        CompletableFuture<AsyncConnection> waiting = engine.connect().toCompletableFuture();
        assertThat(waiting).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(dev.athanor.PoolTimeoutError.class).withMessageContaining("queueTimeout");
        held.close().toCompletableFuture().join();
        engine.dispose().toCompletableFuture().join();
    }

    private static String longStatement(TestDatabase db) {
        return switch (db) {
            case POSTGRESQL -> "SELECT pg_sleep(30)";
            case MARIADB -> "SELECT SLEEP(30)";
            case H2 -> "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000000) a WHERE MOD(a.X * 7, 13) = 5";
        };
    }

    @Test
    void cancellingARunningStatementReturnsTheConnectionWithinASecond(TestDatabase db) throws Exception {
        AsyncEngine engine = pooled(db, 2);
        AsyncConnection conn = engine.connect().toCompletableFuture().join();
        conn.execute(text("CREATE TABLE c (x int)")).toCompletableFuture().join();
        conn.commit().toCompletableFuture().join();
        conn.execute(text("INSERT INTO c (x) VALUES (1)")).toCompletableFuture().join(); // uncommitted
        CompletableFuture<?> running = conn.execute(text(longStatement(db))).toCompletableFuture();
        Thread.sleep(500); // the statement is running on the server
        long cancelledAt = System.nanoTime();
        assertThat(running.cancel(true)).isTrue();
        while (engine.sync().poolStatus().checkedOut() > 0 && System.nanoTime() - cancelledAt < 5_000_000_000L) {
            Thread.sleep(10);
        }
        long millis = (System.nanoTime() - cancelledAt) / 1_000_000;
        assertThat(engine.sync().poolStatus().checkedOut()).isZero();
        assertThat(millis).as("connection returned after the cancel").isLessThan(1000);
        assertThat(engine.status().holding()).isZero();

        Throwable later = catchFailure(conn.execute(text("SELECT 1")));
        assertThat(later).isInstanceOf(InvalidRequestError.class).hasMessageContaining("was cancelled during execute()");
        conn.close().toCompletableFuture().join(); // closing a cancelled connection is allowed
        Object rows = engine.inTransaction(c -> c.scalar(text("SELECT count(*) FROM c"))).toCompletableFuture().join();
        assertThat(((Number) rows).intValue()).as("the uncommitted insert was rolled back").isZero();
        engine.dispose().toCompletableFuture().join();
    }

    @Test
    void cancellingASessionCallRollsItBack(TestDatabase db) throws Exception {
        AsyncEngine engine = pooled(db, 2);
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        AsyncSession session = sessions.open();
        CompletableFuture<?> running = session.execute(text(longStatement(db))).toCompletableFuture();
        Thread.sleep(500);
        running.cancel(true);
        assertThat(running).isCancelled();
        long start = System.nanoTime();
        while (engine.sync().poolStatus().checkedOut() > 0 && System.nanoTime() - start < 5_000_000_000L) {
            Thread.sleep(10);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(catchFailure(session.get(A.class, 1))).hasMessageContaining("AsyncSession was cancelled");
        engine.dispose().toCompletableFuture().join();
    }

    private static Throwable catchFailure(java.util.concurrent.CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
        throw new AssertionError("did not fail");
    }

    @Test
    void streamsOneHundredThousandRowsToASlowSubscriberWithBoundedReadAhead(Engine blocking, TestDatabase db)
            throws Exception {
        blocking.begin(c -> c.execute(text("CREATE TABLE s (id int PRIMARY KEY, payload varchar(40))")));
        int total = 100_000;
        List<java.util.Map<String, ?>> rows = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            rows.add(java.util.Map.of("id", i, "payload", "row number " + i));
            if (rows.size() == 10_000) {
                List<java.util.Map<String, ?>> batch = rows;
                blocking.begin(c -> c.execute(text("INSERT INTO s (id, payload) VALUES (:id, :payload)"), batch));
                rows = new ArrayList<>();
            }
        }
        AsyncEngine engine = pooled(db, 2);
        AsyncConnection conn = engine.connect().toCompletableFuture().join();
        Flow.Publisher<Row> publisher = conn.stream(text("SELECT id, payload FROM s ORDER BY id"));
        CursorPublisher<?> cursor = (CursorPublisher<?>) publisher;
        AtomicLong received = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        AtomicLong lastId = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        int demandStep = 100;
        publisher.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;
            private long outstanding;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                outstanding = demandStep;
                s.request(demandStep);
            }

            @Override
            public void onNext(Row row) {
                long n = received.incrementAndGet();
                lastId.set(((Number) row.get("id")).longValue());
                maxAhead.accumulateAndGet(cursor.rowsFetched() - n, Math::max);
                if (n % 20_000 == 0) {
                    try {
                        Thread.sleep(20); // a slow subscriber
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (--outstanding == 0) {
                    outstanding = demandStep;
                    subscription.request(demandStep);
                }
            }

            @Override
            public void onError(Throwable t) {
                failure.set(t);
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(failure.get()).isNull();
        assertThat(received.get()).isEqualTo(total);
        assertThat(lastId.get()).isEqualTo(total);
        assertThat(maxAhead.get()).as("rows read from the cursor ahead of the subscriber's demand")
                .isLessThanOrEqualTo(demandStep);
        // the cursor is closed and the connection free for the next call
        assertThat(((Number) conn.scalar(text("SELECT count(*) FROM s")).toCompletableFuture().join()).intValue())
                .isEqualTo(total);

        // cancel after 10 rows: the cursor closes, the connection is usable again
        Flow.Publisher<Row> second = conn.stream(text("SELECT id FROM s ORDER BY id"));
        AtomicInteger got = new AtomicInteger();
        CountDownLatch cancelled = new CountDownLatch(1);
        second.subscribe(new Flow.Subscriber<>() {
            private Flow.Subscription subscription;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(10);
            }

            @Override
            public void onNext(Row item) {
                if (got.incrementAndGet() == 10) {
                    subscription.cancel();
                    cancelled.countDown();
                }
            }

            @Override
            public void onError(Throwable t) {
                failure.set(t);
            }

            @Override
            public void onComplete() {
            }
        });
        assertThat(cancelled.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(((CursorPublisher<?>) second).rowsFetched()).isEqualTo(10);
        Object one = null;
        for (int attempt = 0; attempt < 100 && one == null; attempt++) { // the close runs on the worker
            try {
                one = conn.scalar(text("SELECT 1")).toCompletableFuture().join();
            } catch (CompletionException busy) {
                Thread.sleep(10);
            }
        }
        assertThat(one).isNotNull();
        assertThat(got.get()).isEqualTo(10);
        conn.close().toCompletableFuture().join();
        engine.dispose().toCompletableFuture().join();
    }

    @Test
    void virtualThreadsOnJava21OrAClearErrorBefore(TestDatabase db) {
        var builder = AsyncEngine.builder(db.jdbcUrl()).user(db.user()).password(db.password()).poolSize(3)
                .maxOverflow(0).virtualThreads(true);
        if (Runtime.version().feature() < 21) {
            org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                    .isInstanceOf(dev.athanor.ArgumentError.class).hasMessageContaining("needs Java 21 or newer");
            return;
        }
        AsyncEngine engine = builder.build();
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        List<CompletableFuture<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(sessions.inSession(s -> s.callSync(session -> {
                session.scalar(text("SELECT 1"));
                return isVirtual(Thread.currentThread());
            })).toCompletableFuture());
        }
        assertThat(tasks).allMatch(CompletableFuture::join);
        assertThat(engine.status().peakThreads()).as("virtual threads alive at once").isLessThanOrEqualTo(3);
        assertThat(engine.status().peakHolding()).isLessThanOrEqualTo(3);
        engine.dispose().toCompletableFuture().join();
    }

    private static boolean isVirtual(Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Test
    void anExecutorOfTheApplicationCarriesTheWork(TestDatabase db) throws Exception {
        java.util.concurrent.ExecutorService mine = java.util.concurrent.Executors.newFixedThreadPool(4,
                task -> new Thread(task, "app-worker"));
        AsyncEngine engine = AsyncEngine.builder(db.jdbcUrl()).user(db.user()).password(db.password()).poolSize(2)
                .maxOverflow(0).executor(mine).build();
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        List<CompletableFuture<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tasks.add(sessions.inSession(s -> s.callSync(session -> {
                session.scalar(text("SELECT 1"));
                return Thread.currentThread().getName();
            })).toCompletableFuture());
        }
        assertThat(tasks).allMatch(f -> f.join().equals("app-worker"));
        assertThat(engine.status().peakHolding()).as("still bounded by the pool").isEqualTo(2);
        assertThat(engine.status().threads()).isZero(); // the engine started none
        engine.dispose().toCompletableFuture().join();
        mine.shutdown();
        assertThat(mine.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCallbackThatBlocksItsWorkerDoesNotStrandTheWorkItWaitsFor(TestDatabase db) throws Exception {
        AsyncEngine engine = pooled(db, 2);
        AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
        AsyncSession first = sessions.open();
        AsyncSession second = sessions.open();
        // the callback runs on the worker that completed first's call; second's call is handed to that same worker,
        // which then blocks: the sweeper must give the call to another thread
        Object value = first.scalar(text("SELECT 1"))
                .thenApply(x -> second.scalar(text("SELECT 2")).toCompletableFuture().join())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(((Number) value).intValue()).isEqualTo(2);
        first.close().toCompletableFuture().join();
        second.close().toCompletableFuture().join();
        assertThat(engine.sync().poolStatus().checkedOut()).isZero();
        engine.dispose().toCompletableFuture().join();
    }
}
