package dev.athanor.faults;

import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL server restarted ({@code pg_ctlcluster restart}) under an 8-thread ORM load. The server is a scratch
 * cluster on port 5450 that {@code tools/pg-scratch.sh} creates and restarts (never the shared server on 5432).
 * Promised: service resumes within 5 s of the server accepting connections again, every returned commit is there
 * once, nothing that failed with a plain error (not {@link dev.athanor.CommitOutcomeUnknownError}) is, commits in
 * doubt are counted and reported, and the pool ends with nothing checked out and no more server
 * sessions than its maximum.
 */
@Tag("slow")
class PostgresRestartTest {
    static final String URL = "jdbc:postgresql://127.0.0.1:5450/athanor_faults";
    private static final Path SCRIPT = Path.of("..", "tools", "pg-scratch.sh").toAbsolutePath().normalize();

    @BeforeAll
    static void scratchCluster() throws Exception {
        script("start");
    }

    private static void script(String action) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), action).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(SCRIPT + " " + action + ": " + output).isZero();
    }

    @Test
    void serviceResumesWithinFiveSecondsOfARestartUnderLoad() throws Exception {
        Engine engine = Engine.builder(URL).user("postgres").poolSize(8).maxOverflow(4)
                .poolTimeout(Duration.ofSeconds(10)).build();
        try {
            Registry registry = Registry.of(FaultRow.class);
            try (Connection c = admin(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS fault_rows");
            }
            registry.metadata().createAll(engine);
            OrmLoad load = new OrmLoad(SessionMaker.of(engine, registry));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                workers.add(pool.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        load.transaction("w" + worker + "-t" + i, worker);
                    }
                }));
            }
            Thread.sleep(1500);
            int before = load.committed.size();
            long restartStart = System.nanoTime();
            script("restart");
            long restarted = System.nanoTime(); // the server accepts connections again
            Thread.sleep(6000);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();

            long firstSuccess = load.successNanos.stream().filter(t -> t > restarted).min(Long::compare).orElseThrow();
            double resumeSeconds = (firstSuccess - restarted) / 1e9;
            double lastFailureSeconds = (load.lastFailureNanos.get() - restarted) / 1e9;
            double restartSeconds = (restarted - restartStart) / 1e9;
            Map<String, Integer> rows = OrmLoad.rowsByToken(admin());
            System.out.printf("FAULTS restart POSTGRESQL: restart took %.2f s, first commit %.2f s after the server "
                    + "was back, last failure %.2f s after; %d before the restart; %s%n", restartSeconds, resumeSeconds,
                    lastFailureSeconds, before, load.summary(rows));

            assertThat(before).as("commits before the restart").isPositive();
            assertThat(load.failed.size() + load.inDoubt.size()).as("the restart broke transactions")
                    .isPositive();
            assertThat(resumeSeconds).as("first commit after the server is back (s)").isLessThan(5.0);
            assertThat(lastFailureSeconds).as("last failure after the server is back (s)").isLessThan(5.0);
            load.assertConsistentWith(rows);
            assertThat(engine.poolStatus().checkedOut()).isZero();
            try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")) {
                rs.next();
                assertThat((long) rs.getInt(1)).isLessThanOrEqualTo(engine.poolStatus().maxSize() + 1L);
            }
        } finally {
            engine.dispose();
        }
    }

    private static Connection admin() throws Exception {
        return DriverManager.getConnection(URL, "postgres", "");
    }
}
