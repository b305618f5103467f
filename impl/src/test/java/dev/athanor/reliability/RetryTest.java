package dev.athanor.reliability;

import dev.athanor.CommitOutcomeUnknownError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.IsolationLevel;
import dev.athanor.RetryPolicy;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.FaultProxy;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Retrying transient errors (issue 15): real deadlocks (crossed row locks) and real serialization failures
 * (SERIALIZABLE write skew) between two threads held in step by a barrier, on PostgreSQL and MariaDB; the final
 * data is exact and the attempts are counted. Lost connections through a {@link FaultProxy}.
 */
@DatabaseTest
class RetryTest {
    private TestDatabase db;
    private final List<String> retriedStates = new CopyOnWriteArrayList<>();
    /** Counted down when one of the two threads' blocks has committed: the loser's retry waits for it. */
    private final CountDownLatch oneCommitted = new CountDownLatch(1);

    @BeforeEach
    void schema(TestDatabase db) throws Exception {
        assumeTrue(db.canKillBackend(), "needs a server with row locks and deadlock detection between sessions");
        this.db = db;
        try (java.sql.Connection jdbc = db.adminConnection(); java.sql.Statement st = jdbc.createStatement()) {
            st.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)");
            st.execute("INSERT INTO accounts (id, balance) VALUES (1, 100), (2, 100)");
        }
    }

    private RetryPolicy policy() {
        return policy(false);
    }

    /** {@code afterWinner}: the retry of the loser of two threads first waits until the winner committed. */
    private RetryPolicy policy(boolean afterWinner) {
        return RetryPolicy.builder().maxAttempts(5)
                .exponentialBackoff(Duration.ofMillis(200), 2.0, Duration.ofSeconds(1)).jitter(0.25)
                .onRetry((attempt, error, delay) -> {
                    retriedStates.add(((dev.athanor.DatabaseError) error).sqlState());
                    if (afterWinner) {
                        awaitQuietly(oneCommitted); // so the retry meets the winner's result, not its transaction
                    }
                })
                .build();
    }

    private long balance(int id) throws Exception {
        try (java.sql.Connection jdbc = db.adminConnection(); java.sql.Statement st = jdbc.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT balance FROM accounts WHERE id = " + id)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void add(Connection conn, int id, long amount) {
        conn.execute(text("UPDATE accounts SET balance = balance + :amount WHERE id = :id"),
                Map.of("amount", amount, "id", id));
    }

    /**
     * Runs both blocks at once on two threads; each block's first attempt waits for the other at the barrier, and
     * {@link #oneCommitted} opens when the first block returns.
     */
    private void together(Consumer<CyclicBarrier> first, Consumer<CyclicBarrier> second) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> {
                first.accept(barrier);
                oneCommitted.countDown();
            });
            Future<?> b = threads.submit(() -> {
                second.accept(barrier);
                oneCommitted.countDown();
            });
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void crossedRowLocksDeadlockAndTheVictimIsRetried(Engine engine) throws Exception {
        AtomicInteger attempts1 = new AtomicInteger();
        AtomicInteger attempts2 = new AtomicInteger();
        RetryPolicy retry = policy(true);
        together(barrier -> engine.begin(retry, conn -> {
            boolean first = attempts1.incrementAndGet() == 1;
            add(conn, 1, 1);
            if (first) {
                await(barrier);
            }
            add(conn, 2, 1);
        }), barrier -> engine.begin(retry, conn -> {
            boolean first = attempts2.incrementAndGet() == 1;
            add(conn, 2, 10);
            if (first) {
                await(barrier);
            }
            add(conn, 1, 10);
        }));
        assertThat(balance(1)).isEqualTo(111);
        assertThat(balance(2)).isEqualTo(111);
        assertThat(attempts1.get() + attempts2.get()).as("one deadlock victim, retried once").isEqualTo(3);
        assertThat(retriedStates).singleElement()
                .isIn(db == TestDatabase.POSTGRESQL ? "40P01" : "40001"); // MariaDB's 1213 has SQLState 40001
        assertThat(engine.poolStatus().checkedOut()).isZero();
    }

    @Test
    void serializableWriteSkewFailsAndIsRetriedThroughTheOrm() throws Exception {
        Engine serializable = db.builder().isolationLevel(IsolationLevel.SERIALIZABLE).poolSize(2).build();
        try {
            SessionMaker sessions = SessionMaker.of(serializable, Registry.of(Account.class));
            AtomicInteger attempts = new AtomicInteger();
            RetryPolicy retry = policy(true);
            // The rule: the sum of both balances must stay >= 100. Each thread withdraws 80 from its own account
            // after checking the sum; run serially, only one withdrawal can happen.
            together(barrier -> sessions.begin(retry, session -> withdrawIfCovered(session, 1, barrier, attempts)),
                    barrier -> sessions.begin(retry, session -> withdrawIfCovered(session, 2, barrier, attempts)));
            assertThat(balance(1) + balance(2)).as("exactly one withdrawal").isEqualTo(120);
            assertThat(attempts.get()).as("one serialization failure, retried once").isEqualTo(3);
            // PostgreSQL: serialization failure; MariaDB: its SERIALIZABLE reads take shared locks, so a deadlock (1213)
            assertThat(retriedStates).singleElement().isEqualTo("40001");
            assertThat(serializable.poolStatus().checkedOut()).isZero();
        } finally {
            serializable.dispose();
        }
    }

    private static void withdrawIfCovered(dev.athanor.orm.Session session, int id, CyclicBarrier barrier,
            AtomicInteger attempts) {
        boolean first = attempts.incrementAndGet() <= 2;
        long total = session.scalars(dev.athanor.Sql.select(Account.class)).all().stream()
                .mapToLong(a -> a.balance).sum();
        if (first) {
            await(barrier);
        }
        if (total - 80 >= 100) {
            session.get(Account.class, id).balance -= 80;
        }
    }

    @Test
    void aConnectionLostBeforeCommitIsRetried() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = proxy.engine();
            AtomicInteger attempts = new AtomicInteger();
            engine.begin(policy(), conn -> {
                add(conn, 1, 5);
                if (attempts.incrementAndGet() == 1) {
                    proxy.cutAll();
                }
                add(conn, 2, 5);
            });
            assertThat(attempts.get()).isEqualTo(2);
            assertThat(balance(1)).isEqualTo(105);
            assertThat(balance(2)).isEqualTo(105);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    @Test
    void anUnknownCommitOutcomeIsRetriedOnlyWhenTheBlockIsIdempotent() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(db)) {
            Engine engine = proxy.engine();
            AtomicInteger attempts = new AtomicInteger();
            proxy.cutAfterClientSends("COMMIT", 300);
            assertThatThrownBy(() -> engine.begin(policy(), conn -> {
                attempts.incrementAndGet();
                add(conn, 1, 7);
            })).isInstanceOf(CommitOutcomeUnknownError.class);
            assertThat(attempts.get()).as("not retried: it may have committed").isEqualTo(1);
            long balance = balance(1);
            for (int i = 0; i < 100 && balance != 107; i++) { // the server commits on its own time
                Thread.sleep(100);
                balance = balance(1);
            }
            assertThat(balance).as("and it had").isEqualTo(107);

            attempts.set(0);
            proxy.cutAfterClientSends("COMMIT", 300);
            RetryPolicy idempotent = RetryPolicy.builder().idempotent(true)
                    .exponentialBackoff(Duration.ofMillis(10), 2.0, Duration.ofMillis(100)).build();
            engine.begin(idempotent, conn -> {
                attempts.incrementAndGet();
                conn.execute(text("UPDATE accounts SET balance = 500 WHERE id = 2"));
            });
            assertThat(attempts.get()).isEqualTo(2);
            assertThat(balance(2)).isEqualTo(500);
        }
    }

    @Test
    void otherErrorsAreNotRetriedAndAttemptsAreBounded(Engine engine) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> engine.begin(policy(), conn -> {
            attempts.incrementAndGet();
            conn.execute(text("INSERT INTO accounts (id, balance) VALUES (1, 0)"));
        })).isInstanceOf(IntegrityError.class);
        assertThat(attempts.get()).isEqualTo(1);

        attempts.set(0);
        RetryPolicy three = RetryPolicy.builder().maxAttempts(3)
                .exponentialBackoff(Duration.ZERO, 1.0, Duration.ZERO).retryOn(e -> e instanceof IllegalStateException)
                .build();
        assertThatThrownBy(() -> engine.begin(three, conn -> {
            add(conn, 1, 1);
            throw new IllegalStateException("attempt " + attempts.incrementAndGet());
        })).hasMessage("attempt 3").satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(balance(1)).as("every attempt rolled back").isEqualTo(100);
    }
}
