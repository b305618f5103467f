package dev.athanor.faults;

import dev.athanor.AthanorException;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;

import java.util.ArrayList;
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
import java.util.function.IntConsumer;

/**
 * A multi-threaded ORM load for the fault suite: each transaction adds one {@link FaultRow} with a unique token,
 * flushes and commits in its own Session. Every transaction ends in exactly one of three sets: committed (commit
 * returned), failed before COMMIT (an error while flushing: certainly not committed), or in doubt (the error came
 * from {@code commit()} itself: the server may or may not have committed).
 */
final class OrmLoad {
    final Set<String> committed = ConcurrentHashMap.newKeySet();
    final Set<String> failedBeforeCommit = ConcurrentHashMap.newKeySet();
    final Set<String> inDoubt = ConcurrentHashMap.newKeySet();
    /** Nanosecond times of successes and failures, for the restart test's "service resumes" measure. */
    final AtomicLong lastFailureNanos = new AtomicLong();
    final Set<Long> successNanos = ConcurrentHashMap.newKeySet();
    private final SessionMaker sessions;

    OrmLoad(SessionMaker sessions) {
        this.sessions = sessions;
    }

    /** One transaction; returns normally whatever happened (the outcome is recorded). */
    void transaction(String token, int worker) {
        try (Session session = sessions.open()) {
            session.add(new FaultRow(token, worker));
            session.flush();
            try {
                session.commit();
            } catch (AthanorException e) {
                inDoubt.add(token);
                lastFailureNanos.set(System.nanoTime());
                return;
            }
            committed.add(token);
            successNanos.add(System.nanoTime());
        } catch (AthanorException e) {
            if (!inDoubt.contains(token)) {
                failedBeforeCommit.add(token);
                lastFailureNanos.set(System.nanoTime());
            }
        }
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
        Set<String> resurrected = new HashSet<>(failedBeforeCommit);
        resurrected.retainAll(rows.keySet());
        Set<String> unexplained = new HashSet<>(rows.keySet());
        unexplained.removeAll(committed);
        unexplained.removeAll(inDoubt);
        org.assertj.core.api.Assertions.assertThat(lost).as("returned commits missing").isEmpty();
        org.assertj.core.api.Assertions.assertThat(duplicated).as("duplicated tokens").isEmpty();
        org.assertj.core.api.Assertions.assertThat(resurrected).as("failed before COMMIT but present").isEmpty();
        org.assertj.core.api.Assertions.assertThat(unexplained).as("rows of no returned or in-doubt commit")
                .isEmpty();
    }

    /** How many in-doubt transactions did commit (their row is there). */
    long inDoubtCommitted(Map<String, Integer> rows) {
        return inDoubt.stream().filter(rows::containsKey).count();
    }

    int attempts() {
        return committed.size() + failedBeforeCommit.size() + inDoubt.size();
    }
}
