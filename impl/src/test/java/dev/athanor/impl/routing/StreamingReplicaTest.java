package dev.athanor.impl.routing;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Routing;
import dev.athanor.TextClause;
import dev.athanor.impl.engine.EngineImpl;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.ScaleOut;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing on real PostgreSQL streaming replicas of the 5432 cluster (ops/scaleout/replicas.sh: 5433 and 5434),
 * asserted on the server that ran each statement ({@code inet_server_port()}, {@code pg_is_in_recovery()}).
 */
@Tag("scaleout")
class StreamingReplicaTest {
    private static final TextClause WHERE = text("SELECT inet_server_port() || ':' || pg_is_in_recovery()");
    private static final String PRIMARY = "5432:false";
    private static final String REPLICA1 = "5433:true";
    private static final String REPLICA2 = "5434:true";

    private Engine engine;

    @BeforeAll
    static void replicas() {
        ScaleOut.run("replicas.sh", "up", "2");
    }

    @BeforeEach
    void schema() throws Exception {
        TestDatabase.POSTGRESQL.ensureCreated();
        TestDatabase.POSTGRESQL.resetSchema();
        try (java.sql.Connection c = ScaleOut.connect(5432); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE routing_notes (id INTEGER PRIMARY KEY, text VARCHAR(40))");
            st.execute("INSERT INTO routing_notes VALUES (1, 'one')");
        }
        for (int port : new int[] {5433, 5434}) {
            ScaleOut.await(30, "routing_notes replicated to " + port,
                    () -> "1".equals(ScaleOut.query(port, "SELECT count(*) FROM routing_notes")));
        }
    }

    @AfterEach
    void dispose() {
        if (engine != null) {
            engine.dispose();
        }
    }

    private Engine engine(Duration maxLag, int... replicaPorts) {
        List<String> urls = new ArrayList<>();
        for (int port : replicaPorts) {
            urls.add(ScaleOut.onPort(port));
        }
        engine = TestDatabase.POSTGRESQL.builder().replicas(urls).replicaMaxLag(maxLag)
                .replicaCheckInterval(Duration.ofMillis(100)).poolSize(2).build();
        return engine;
    }

    private static String where(Connection conn, TextClause statement) {
        return conn.execute(statement).scalarOne(String.class);
    }

    @Test
    void eachKindOfStatementRunsWhereTheRulesSay() {
        engine(Duration.ofSeconds(5), 5433, 5434);
        try (Connection conn = engine.connect()) {
            assertThat(where(conn, WHERE)).as("unmarked read").isEqualTo(PRIMARY);
            assertThat(where(conn, WHERE.executionOptions(Routing.REPLICA))).as("marked text read").isEqualTo(REPLICA1);
            conn.commit();
            assertThat(where(conn, WHERE.executionOptions(Routing.REPLICA))).as("round-robin").isEqualTo(REPLICA2);
            conn.execute(text("INSERT INTO routing_notes VALUES (2, 'two')"));
            assertThat(where(conn, WHERE.executionOptions(Routing.REPLICA))).as("after a write").isEqualTo(PRIMARY);
            assertThat(conn.execute(text("SELECT count(*) FROM routing_notes").executionOptions(Routing.REPLICA))
                    .scalarOne(Long.class)).as("read-your-writes").isEqualTo(2L);
            conn.commit();
            assertThat(where(conn, WHERE.executionOptions(Routing.REPLICA))).as("next transaction")
                    .isEqualTo(REPLICA1);
            assertThat(where(conn, WHERE.executionOptions(Routing.PRIMARY))).isEqualTo(PRIMARY);
        }
        try (Connection conn = engine.connect().executionOptions(Routing.REPLICA)) {
            assertThat(where(conn, WHERE)).as("connection marked REPLICA").isEqualTo(REPLICA2);
            assertThat(where(conn, text("SELECT inet_server_port() || ':' || pg_is_in_recovery() FROM routing_notes"
                    + " WHERE id = 1 FOR UPDATE"))).as("locking read").isEqualTo(PRIMARY);
        }
        SessionMaker readers = SessionMaker.of(engine, Registry.of(Note.class)).readOnly();
        try (Session session = readers.open()) {
            assertThat(session.get(Note.class, 1).text).isEqualTo("one");
            assertThat(session.execute(WHERE).scalarOne(String.class)).as("read-only session").isEqualTo(REPLICA1);
            session.add(new Note(3, "three"));
            session.flush();
            assertThat(session.execute(WHERE).scalarOne(String.class)).as("read-only session after flush")
                    .isEqualTo(PRIMARY);
            session.commit();
        }
        try (Session session = SessionMaker.of(engine, Registry.of(Note.class)).open()) {
            assertThat(session.execute(WHERE).scalarOne(String.class)).as("plain session").isEqualTo(PRIMARY);
            assertThat(session.execute(select(Note.class).executionOptions(Routing.REPLICA)).scalars().all())
                    .as("an ORM select marked REPLICA reads the replica").hasSizeGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aLaggingReplicaIsSkippedUntilItCatchesUp() throws Exception {
        engine(Duration.ofMillis(500), 5433);
        Replica replica = engine.unwrap(EngineImpl.class).replicas().replicas().get(0);
        assertThat(engine.executionOptions(Routing.REPLICA).<String>inTransaction(c -> where(c, WHERE)))
                .isEqualTo(REPLICA1);
        ScaleOut.query(5433, "SELECT pg_wal_replay_pause()");
        try {
            try (java.sql.Connection c = ScaleOut.connect(5432); java.sql.Statement st = c.createStatement()) {
                st.execute("INSERT INTO routing_notes VALUES (10, 'after pause')");
            }
            ScaleOut.await(20, "replica seen lagging", () -> replica.health() == Replica.Health.LAGGING);
            assertThat(replica.lagMillis()).isGreaterThan(500);
            Engine readers = engine.executionOptions(Routing.REPLICA);
            assertThat(readers.<String>inTransaction(c -> where(c, WHERE))).as("lagging: the primary serves")
                    .isEqualTo(PRIMARY);
            assertThat(readers.<Long>inTransaction(c -> c.execute(text("SELECT count(*) FROM routing_notes"))
                    .scalarOne(Long.class))).as("and sees the latest row").isEqualTo(2L);
            assertThat(ScaleOut.query(5433, "SELECT count(*) FROM routing_notes")).as("the paused replica")
                    .isEqualTo("1");
        } finally {
            ScaleOut.query(5433, "SELECT pg_wal_replay_resume()");
        }
        ScaleOut.await(20, "replica back in rotation", () -> replica.health() == Replica.Health.HEALTHY);
        Engine readers = engine.executionOptions(Routing.REPLICA);
        assertThat(readers.<String>inTransaction(c -> where(c, WHERE))).isEqualTo(REPLICA1);
        assertThat(readers.<Long>inTransaction(c -> c.execute(text("SELECT count(*) FROM routing_notes"))
                .scalarOne(Long.class))).isEqualTo(2L);
    }

    /**
     * The standby's own view of its replication, for the test output: after a restart the receive LSN is where
     * streaming restarted (the start of a WAL segment), behind the replay LSN until new WAL arrives.
     */
    private static String standbyState(int port) throws Exception {
        return ScaleOut.query(port, "SELECT 'receive ' || COALESCE(pg_last_wal_receive_lsn()::text, 'null')"
                + " || ', replay ' || pg_last_wal_replay_lsn()"
                + " || ', last replayed commit ' || COALESCE(pg_last_xact_replay_timestamp()::text, 'null')"
                + " || ', now ' || clock_timestamp()"
                + " || ', walreceiver ' || COALESCE((SELECT status || ' (primary reported WAL end '"
                + " || COALESCE(latest_end_lsn::text, 'null') || ')' FROM pg_stat_wal_receiver), 'none')");
    }

    private Replica onlyReplica() {
        return engine.unwrap(EngineImpl.class).replicas().replicas().get(0);
    }

    @Test
    void aReplicaRestartedWhileThePrimaryIsIdleIsBackInRotationWithoutAWrite() throws Exception {
        // schema() has just committed on the primary and replica 2 replayed it. Without a checkpoint since (only a
        // timed one could fall in these few seconds), the restart's recovery replays that commit again, so the
        // replica knows a last replayed commit whose age grows as long as the primary stays idle.
        engine(Duration.ofSeconds(1), 5434);
        Replica second = onlyReplica();
        ScaleOut.await(10, "replica 2 healthy", () -> second.health() == Replica.Health.HEALTHY);
        Thread.sleep(1500);
        assertThat(second.health()).as("streaming, idle primary, last commit older than maxLag")
                .isEqualTo(Replica.Health.HEALTHY);
        try {
            ScaleOut.run("replicas.sh", "stop", "2");
            ScaleOut.await(10, "replica 2 seen down", () -> second.health() == Replica.Health.DOWN);
            ScaleOut.run("replicas.sh", "start", "2");
            System.out.println("replica 2 restarted: " + standbyState(5434));
            ScaleOut.await(5, "replica 2 back in rotation with no write on the primary",
                    () -> second.health() == Replica.Health.HEALTHY);
            System.out.println("replica 2 back in rotation: " + standbyState(5434));
            Thread.sleep(1500); // the age of the last replayed commit grows on; the lag must not follow it
            assertThat(second.health()).as("still in rotation: " + standbyState(5434))
                    .isEqualTo(Replica.Health.HEALTHY);
            assertThat(engine.executionOptions(Routing.REPLICA).<String>inTransaction(c -> where(c, WHERE)))
                    .isEqualTo(REPLICA2);
            try (java.sql.Connection c = ScaleOut.connect(5434); java.sql.Statement st = c.createStatement()) {
                // a role without pg_read_all_stats sees no details of the walreceiver (its pid only), so the
                // probe compares with the receive LSN instead: restarted from a segment's start, it is behind
                st.execute("SET ROLE pg_read_all_data");
                try (java.sql.ResultSet rs = st.executeQuery(HealthProbe.POSTGRESQL_LAG)) {
                    rs.next();
                    // 0, unless WAL of another client of the shared cluster is in flight: then the age of the
                    // last replayed commit, small then; the age of schema()'s commit (over 3 s now) would fail
                    assertThat(rs.getLong(1)).as("the probe's query as a role without pg_read_all_stats")
                            .isLessThan(1000);
                }
            }
        } finally {
            ScaleOut.run("replicas.sh", "up", "2");
        }
    }

    @Test
    void aPausedReplicaLagsAlsoWhenItReplayedNoCommitSinceItStarted() throws Exception {
        // A checkpoint after schema()'s commit, replayed by replica 2 before it stops: its recovery starts past
        // that commit, so after the restart pg_last_xact_replay_timestamp() is null (unless another client of the
        // shared cluster commits meanwhile: then this is the ordinary paused case).
        ScaleOut.query(5432, "CHECKPOINT");
        String checkpointed = ScaleOut.query(5432, "SELECT pg_current_wal_lsn()");
        ScaleOut.await(10, "checkpoint replayed on replica 2", () -> "t".equals(
                ScaleOut.query(5434, "SELECT pg_last_wal_replay_lsn() >= '" + checkpointed + "'::pg_lsn")));
        ScaleOut.run("replicas.sh", "stop", "2");
        ScaleOut.run("replicas.sh", "start", "2");
        System.out.println("replica 2 restarted after a checkpoint: " + standbyState(5434));
        engine(Duration.ofMillis(500), 5434);
        Replica second = onlyReplica();
        ScaleOut.await(10, "replica 2 healthy", () -> second.health() == Replica.Health.HEALTHY);
        ScaleOut.query(5434, "SELECT pg_wal_replay_pause()");
        try {
            try (java.sql.Connection c = ScaleOut.connect(5432); java.sql.Statement st = c.createStatement()) {
                st.execute("INSERT INTO routing_notes VALUES (20, 'after pause')");
            }
            ScaleOut.await(10, "paused replica seen lagging", () -> second.health() == Replica.Health.LAGGING);
            System.out.println("replica 2 paused: " + standbyState(5434) + ", lag " + second.lagMillis() + " ms");
            assertThat(second.lagMillis()).isGreaterThan(500);
            assertThat(engine.executionOptions(Routing.REPLICA).<Long>inTransaction(c -> c.execute(
                    text("SELECT count(*) FROM routing_notes")).scalarOne(Long.class)))
                    .as("the primary serves, with the latest row").isEqualTo(2L);
        } finally {
            ScaleOut.query(5434, "SELECT pg_wal_replay_resume()");
        }
        ScaleOut.await(10, "replica 2 back in rotation", () -> second.health() == Replica.Health.HEALTHY);
        assertThat(engine.executionOptions(Routing.REPLICA).<String>inTransaction(c -> where(c, WHERE)))
                .isEqualTo(REPLICA2);
    }

    @Test
    void aReplicaCutOffFromItsPrimaryLeavesRotationOnceItsLastCommitIsOlderThanMaxLag() throws Exception {
        // The primary cannot be stopped (a shared cluster): the replica is pointed at a port where nothing listens,
        // which is what its walreceiver sees of a primary that is down or unreachable.
        engine(Duration.ofSeconds(1), 5434);
        Replica second = onlyReplica();
        ScaleOut.await(10, "replica 2 healthy", () -> second.health() == Replica.Health.HEALTHY);
        String restore = ScaleOut.query(5434,
                "SELECT format('ALTER SYSTEM SET primary_conninfo = %L', current_setting('primary_conninfo'))");
        try {
            ScaleOut.query(5434, "ALTER SYSTEM SET primary_conninfo = 'host=127.0.0.1 port=1 user=postgres'");
            ScaleOut.query(5434, "SELECT pg_reload_conf()");
            ScaleOut.await(10, "replica 2 without a streaming walreceiver", () -> "0".equals(ScaleOut.query(5434,
                    "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")));
            ScaleOut.await(10, "cut-off replica out of rotation", () -> second.health() == Replica.Health.LAGGING);
            System.out.println("replica 2 cut off: " + standbyState(5434) + ", lag " + second.lagMillis() + " ms");
            assertThat(second.lagMillis()).isGreaterThan(1000);
            assertThat(engine.executionOptions(Routing.REPLICA).<String>inTransaction(c -> where(c, WHERE)))
                    .as("the primary serves").isEqualTo(PRIMARY);
        } finally {
            ScaleOut.query(5434, restore);
            ScaleOut.query(5434, "SELECT pg_reload_conf()");
        }
        ScaleOut.await(30, "replica 2 streaming again", () -> "1".equals(ScaleOut.query(5434,
                "SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")));
        ScaleOut.await(10, "replica 2 back in rotation", () -> second.health() == Replica.Health.HEALTHY);
        assertThat(engine.executionOptions(Routing.REPLICA).<String>inTransaction(c -> where(c, WHERE)))
                .isEqualTo(REPLICA2);
    }

    @Test
    void aReplicaStoppedUnderLoadFailsNoReadAndComesBackWhenRestarted() throws Exception {
        engine(Duration.ofSeconds(5), 5433, 5434);
        Engine readers = engine.executionOptions(Routing.REPLICA);
        int threads = 4;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger phase = new AtomicInteger(0); // 0 before the stop, 1 stopped, 2 restarting, 3 restarted
        AtomicLong reads = new AtomicLong();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<Integer, Set<String>> servers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (running.get()) {
                    int during = phase.get();
                    try {
                        String server = readers.inTransaction(c -> where(c, WHERE));
                        reads.incrementAndGet();
                        servers.computeIfAbsent(during, k -> ConcurrentHashMap.newKeySet()).add(server);
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
            }));
        }
        try {
            Thread.sleep(1500);
            ScaleOut.run("replicas.sh", "stop", "2");
            long readsAtStop = reads.get();
            Thread.sleep(500); // reads that started before the stop have finished: only what ran after counts
            phase.set(1);
            Thread.sleep(2000);
            assertThat(reads.get()).as("reads go on while replica 2 is down").isGreaterThan(readsAtStop + 10);
            phase.set(2);
            ScaleOut.run("replicas.sh", "start", "2");
            Replica second = engine.unwrap(EngineImpl.class).replicas().replicas().get(1);
            ScaleOut.await(30, "replica 2 back in rotation", () -> second.health() == Replica.Health.HEALTHY);
            phase.set(3);
            Thread.sleep(1500);
        } finally {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
            ScaleOut.run("replicas.sh", "up", "2");
        }
        System.out.printf("replica stopped under load: %d reads, %d failed, servers %s%n", reads.get(),
                failures.size(), servers);
        assertThat(failures).as("a read caught by the stop is run again elsewhere: none fails").isEmpty();
        assertThat(servers.get(0)).contains(REPLICA1, REPLICA2);
        assertThat(servers.get(1)).containsExactly(REPLICA1);
        assertThat(servers.get(3)).contains(REPLICA1, REPLICA2);
    }
}
