package dev.athanor.impl.failover;

import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.ScaleOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover on a real Patroni cluster (ops/scaleout/patroni.sh: three nodes, etcd): 8 threads run ORM transactions
 * through one engine whose URL lists the three nodes with {@code targetServerType=primary}; the leader's postmaster is
 * killed with {@code kill -9}; Patroni promotes a replica; the engine's pool drops the dead connections and pgJDBC
 * finds the new primary. Each attempt ends as acknowledged (commit returned), failed before its commit (nothing
 * can have been written) or in doubt (the commit itself failed: it may or may not have happened, and is looked up
 * afterwards). A row is lost when its commit was acknowledged and it is not on the new primary.
 */
@Tag("scaleout")
class PatroniFailoverTest {
    private static final int THREADS = 8;

    @BeforeAll
    static void cluster() {
        ScaleOut.run("patroni.sh", "up");
    }

    /** What one failover run measured. */
    record Outcome(boolean synchronous, String oldLeader, String newLeader, long attempts, int acknowledged,
            int acknowledgedAfterKill, long failedBeforeCommit, int inDoubt, int inDoubtCommitted, int lost,
            int phantoms, long millisToFirstCommit, long poolInvalidated, List<String> errorSamples) {
        @Override
        public String toString() {
            return String.format("%s replication: leader %s killed, new leader %s; first successful commit on the new "
                            + "primary %d ms after the kill; %d attempts: %d acknowledged (%d on the new primary), %d failed before their "
                            + "commit, %d in doubt (%d of them committed); %d acknowledged rows lost; %d rows never "
                            + "acknowledged nor in doubt; %d pooled connections discarded; errors seen: %s",
                    synchronous ? "synchronous" : "asynchronous", oldLeader, newLeader, millisToFirstCommit, attempts,
                    acknowledged, acknowledgedAfterKill, failedBeforeCommit, inDoubt, inDoubtCommitted, lost, phantoms,
                    poolInvalidated, errorSamples);
        }
    }

    @Test
    void synchronousReplicationLosesNoAcknowledgedCommit() throws Exception {
        Outcome outcome = failover(true);
        assertThat(outcome.lost()).as("acknowledged commits lost with synchronous replication").isZero();
        checkRecovery(outcome);
    }

    @Test
    void asynchronousReplicationRecoversAndItsLossIsMeasured() throws Exception {
        Outcome outcome = failover(false);
        assertThat(outcome.lost()).as("lost rows are at most the commits acknowledged by the old leader")
                .isLessThanOrEqualTo(outcome.acknowledged() - outcome.acknowledgedAfterKill());
        checkRecovery(outcome);
    }

    private static void checkRecovery(Outcome outcome) {
        assertThat(outcome.newLeader()).isNotEqualTo(outcome.oldLeader());
        assertThat(outcome.millisToFirstCommit()).as("time to the first commit on the new primary").isLessThan(30_000);
        assertThat(outcome.acknowledgedAfterKill()).as("work went on on the new primary").isGreaterThan(THREADS);
        assertThat(outcome.phantoms()).as("no row appears that was neither acknowledged nor in doubt").isZero();
        assertThat(outcome.poolInvalidated()).as("the pool discarded connections to the dead primary").isPositive();
    }

    private Outcome failover(boolean synchronous) throws Exception {
        PatroniCluster.awaitHealthy();
        PatroniCluster.synchronousMode(synchronous);
        Registry registry = Registry.of(FailoverEvent.class);
        try (Engine engine = Engine.builder(PatroniCluster.url()).user("postgres").poolSize(THREADS).maxOverflow(0)
                .prePing(true).poolTimeout(Duration.ofSeconds(30)).build()) {
            engine.begin(c -> c.execute(text("DROP TABLE IF EXISTS failover_events")));
            registry.metadata().createAll(engine);
            SessionMaker sessions = SessionMaker.of(engine, registry);

            AtomicLong ids = new AtomicLong();
            AtomicLong attempts = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            Set<Long> acknowledgedAfterKill = ConcurrentHashMap.newKeySet();
            Set<Long> inDoubt = ConcurrentHashMap.newKeySet();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicLong killedAt = new AtomicLong();
            AtomicInteger killedPort = new AtomicInteger();
            AtomicLong firstCommitAfterKill = new AtomicLong();
            AtomicBoolean running = new AtomicBoolean(true);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < THREADS; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    while (running.get()) {
                        long id = ids.incrementAndGet();
                        attempts.incrementAndGet();
                        boolean committing = false;
                        try (Session session = sessions.open()) {
                            session.add(new FailoverEvent(id, worker));
                            session.flush();
                            int port = session.execute(text("SELECT inet_server_port()")).scalarOne(Integer.class);
                            committing = true;
                            session.commit();
                            acknowledged.add(id);
                            // backends of a killed postmaster live on for a moment and may still commit: the
                            // failover is over at the first commit on another server
                            if (killedAt.get() != 0 && port != killedPort.get()) {
                                acknowledgedAfterKill.add(id);
                                firstCommitAfterKill.compareAndSet(0, System.nanoTime());
                            }
                        } catch (RuntimeException e) {
                            if (committing) {
                                inDoubt.add(id);
                            } else {
                                failed.incrementAndGet();
                            }
                            errors.computeIfAbsent(e.getClass().getSimpleName() + ": "
                                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
                                    .replaceAll("^(.{0,90}).*", "$1"), k -> new AtomicInteger()).incrementAndGet();
                            sleep(20);
                        }
                    }
                    return null;
                }));
            }
            sleep(2000);
            PatroniCluster.Member leader = PatroniCluster.leader();
            long pid = PatroniCluster.postmasterPid(leader);
            killedPort.set(leader.port());
            killedAt.set(System.nanoTime());
            Process kill = new ProcessBuilder("kill", "-9", String.valueOf(pid)).inheritIO().start();
            assertThat(kill.waitFor()).isZero();
            ScaleOut.await(60, "a commit after the kill", () -> firstCommitAfterKill.get() != 0);
            sleep(3000);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Set<Long> present = new HashSet<>(engine.inTransaction(c -> c.execute(text("SELECT id FROM failover_events"))
                    .scalars(Long.class).all()));
            int lost = (int) acknowledged.stream().filter(id -> !present.contains(id)).count();
            int inDoubtCommitted = (int) inDoubt.stream().filter(present::contains).count();
            int phantoms = (int) present.stream().filter(id -> !acknowledged.contains(id) && !inDoubt.contains(id))
                    .count();
            PatroniCluster.Member newLeader = PatroniCluster.leader();
            List<String> samples = errors.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).toList();
            Outcome outcome = new Outcome(synchronous, leader.name() + ":" + leader.port(),
                    newLeader == null ? "none" : newLeader.name() + ":" + newLeader.port(), attempts.get(),
                    acknowledged.size(), acknowledgedAfterKill.size(), failed.get(), inDoubt.size(), inDoubtCommitted,
                    lost, phantoms, TimeUnit.NANOSECONDS.toMillis(firstCommitAfterKill.get() - killedAt.get()),
                    engine.poolStatus().invalidated(), samples);
            System.out.println("FAILOVER " + outcome);
            return outcome;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
