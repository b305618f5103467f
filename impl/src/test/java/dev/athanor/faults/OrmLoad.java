package dev.athanor.faults;

import dev.athanor.AthanorException;
import dev.athanor.CommitOutcomeUnknownError;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * A multi-threaded ORM load for the fault suite: each transaction adds one {@link FaultRow} with a unique token,
 * flushes and commits in its own Session. Every transaction ends in exactly one of three sets, decided by what the
 * library said: committed ({@code commit()} returned), failed (any other error, {@link AthanorException} but not
 * {@link CommitOutcomeUnknownError}: the library promises the transaction rolled back), or in doubt
 * ({@link CommitOutcomeUnknownError}: the server may or may not have committed). {@link #failedAtCommit} is the
 * part of the failed ones whose error came from {@code commit()} itself, reported to show the classification at work.
 */
final class OrmLoad {
    final Set<String> committed = ConcurrentHashMap.newKeySet();
    final Set<String> failed = ConcurrentHashMap.newKeySet();
    final Set<String> failedAtCommit = ConcurrentHashMap.newKeySet();
    final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
    /** Errors from {@code Session.close()} after the outcome was known (rolling back on a dead connection). */
    final AtomicLong closeErrors = new AtomicLong();
    /** The longest Session.close(), for the report. */
    final AtomicLong longestCloseNanos = new AtomicLong();
    /** The last error a transaction failed with (in doubt or not), for the report: why a late failure happened. */
    final AtomicReference<String> lastError = new AtomicReference<>("none");
    /** Nanosecond times of successes and failures, for the restart test's "service resumes" measure. */
    final AtomicLong lastFailureNanos = new AtomicLong();
    final Set<Long> successNanos = ConcurrentHashMap.newKeySet();
    private final SessionMaker sessions;

    OrmLoad(SessionMaker sessions) {
        this.sessions = sessions;
    }

    /**
     * One transaction; returns normally whatever happened (the outcome is recorded). Success and failure are timed
     * when commit() returned or the error surfaced, not after close(): closing a Session whose connection died can
     * block while the pool waits for a replacement (reported as {@link #longestCloseNanos}).
     */
    void transaction(String token, int worker) {
        Set<String> outcome;
        Session session = sessions.open();
        try {
            outcome = attempt(session, token, worker);
            if (outcome == committed) {
                successNanos.add(System.nanoTime());
            } else {
                lastFailureNanos.set(System.nanoTime());
            }
        } finally {
            long closing = System.nanoTime();
            try {
                session.close();
            } catch (AthanorException e) {
                closeErrors.incrementAndGet(); // the outcome was decided by commit(), not by close()
            }
            longestCloseNanos.accumulateAndGet(System.nanoTime() - closing, Math::max);
        }
        outcome.add(token);
    }

    private Set<String> attempt(Session session, String token, int worker) {
        boolean committing = false;
        try {
            session.add(new FaultRow(token, worker));
            session.flush();
            committing = true;
            session.commit();
            return committed;
        } catch (CommitOutcomeUnknownError e) {
            lastError.set(e.getClass().getSimpleName() + ": " + oneLine(e));
            return inDoubt;
        } catch (AthanorException e) {
            lastError.set(e.getClass().getSimpleName() + (committing ? " from commit(): " : ": ") + oneLine(e));
            if (committing) {
                failedAtCommit.add(token);
            }
            return failed;
        }
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    }

    /**
     * Runs {@code transactions} transactions on each of {@code threads} threads; {@code afterEach} is called by
     * worker 0 with its count after each transaction (to inject faults at chosen points).
     */
    void run(int threads, int transactions, IntConsumer afterEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < transactions; i++) {
                        transaction("w" + worker + "-t" + i, worker);
                        if (worker == 0) {
                            afterEach.accept(i + 1);
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** How many rows each token has in {@code fault_rows}, read on {@code admin} (which this closes). */
    static Map<String, Integer> rowsByToken(Connection admin) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        try (admin; Statement st = admin.createStatement();
                ResultSet rs = st.executeQuery("SELECT token, count(*) FROM fault_rows GROUP BY token")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    /** The outcome checks shared by the fault tests, as plain set differences (AssertJ's are quadratic). */
    void assertConsistentWith(Map<String, Integer> rows) {
        Set<String> lost = new HashSet<>(committed);
        lost.removeAll(rows.keySet());
        Set<String> duplicated = new HashSet<>();
        rows.forEach((token, n) -> {
            if (n > 1) {
                duplicated.add(token);
            }
        });
        Set<String> resurrected = new HashSet<>(failed);
        resurrected.retainAll(rows.keySet());
        Set<String> unexplained = new HashSet<>(rows.keySet());
        unexplained.removeAll(committed);
        unexplained.removeAll(inDoubt);
        org.assertj.core.api.Assertions.assertThat(lost).as("returned commits missing").isEmpty();
        org.assertj.core.api.Assertions.assertThat(duplicated).as("duplicated tokens").isEmpty();
        org.assertj.core.api.Assertions.assertThat(resurrected)
                .as("failed with a plain error (not CommitOutcomeUnknownError) but present").isEmpty();
        org.assertj.core.api.Assertions.assertThat(unexplained).as("rows of no returned or in-doubt commit")
                .isEmpty();
    }

    /** How many in-doubt transactions did commit (their row is there). */
    long inDoubtCommitted(Map<String, Integer> rows) {
        return inDoubt.stream().filter(rows::containsKey).count();
    }

    /** The outcome counts for the suite's FAULTS report line. */
    String summary(Map<String, Integer> rows) {
        long duplicated = rows.values().stream().filter(n -> n > 1).count();
        return String.format("%d committed, %d failed with a plain error (%d of them from commit()), %d in doubt "
                + "(CommitOutcomeUnknownError; %d of them committed), %d rows, %d duplicated, %d close errors, longest "
                + "close %.2f s; last error: %s",
                committed.size(), failed.size(), failedAtCommit.size(), inDoubt.size(), inDoubtCommitted(rows),
                rows.size(), duplicated, closeErrors.get(), longestCloseNanos.get() / 1e9, lastError.get());
    }

    int attempts() {
        return committed.size() + failed.size() + inDoubt.size();
    }
}
