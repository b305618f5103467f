package dev.athanor.impl.pgbouncer;

import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.ScaleOut;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Athanor behind PgBouncer 1.18 in transaction pooling mode (ops/scaleout/pgbouncer.sh: port 6432, 8 server
 * connections per database): 64 client connections share the 8 server connections, so consecutive transactions of
 * one client run on different server sessions. With {@code prepareThreshold=0} pgJDBC prepares nothing on the
 * server, and Athanor leaves no session state behind.
 */
@Tag("scaleout")
class PgBouncerTest {
    private static final int CLIENTS = 64;
    private static final int TRANSACTIONS = 25;
    /** What one transaction sees of the server session it runs on: state another client might have left. */
    private static final String SESSION_STATE = "SELECT current_setting('statement_timeout') AS timeout,"
            + " current_setting('transaction_isolation') AS isolation,"
            + " (SELECT count(*) FROM pg_prepared_statements) AS prepared,"
            + " (SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema()) AS temp_tables";

    @BeforeAll
    static void pgbouncer() {
        ScaleOut.run("pgbouncer.sh", "up");
    }

    @BeforeEach
    void schema() throws Exception {
        TestDatabase.POSTGRESQL.ensureCreated();
        TestDatabase.POSTGRESQL.resetSchema();
        // start from fresh server sessions: whatever an earlier client left on them is not this test's doing
        admin("KILL " + database());
        admin("RESUME " + database());
    }

    private static String database() {
        return ScaleOut.onPort(6432).replaceAll(".*/", "").replaceAll("[?;].*", "");
    }

    private static List<String> admin(String command) {
        return ScaleOut.psql(6432, "pgbouncer", command);
    }

    private static Engine throughPgBouncer(int poolSize, Map<String, ?> connectArgs) {
        return Engine.builder(ScaleOut.onPort(6432)).user(TestDatabase.POSTGRESQL.user())
                .password(TestDatabase.POSTGRESQL.password()).poolSize(poolSize).maxOverflow(0)
                .connectArgs(connectArgs).build();
    }

    /** Server connections PgBouncer holds for the test database, and its clients, from its admin console. */
    private static int[] pool() {
        List<String> lines = admin("SHOW POOLS");
        List<String> header = List.of(lines.get(0).split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] row = line.split(",");
            if (row.length == header.size() && row[header.indexOf("database")].equals(database())) {
                int servers = 0;
                for (String column : List.of("sv_active", "sv_idle", "sv_used", "sv_tested", "sv_login")) {
                    servers += Integer.parseInt(row[header.indexOf(column)]);
                }
                return new int[] {servers, Integer.parseInt(row[header.indexOf("cl_active")])
                        + Integer.parseInt(row[header.indexOf("cl_waiting")])};
            }
        }
        return new int[] {0, 0};
    }

    @Test
    void sixtyFourClientsOverEightServerConnectionsLoadExactlyAndLeakNoSessionState() throws Exception {
        Registry registry = Registry.of(Visit.class, Tally.class);
        try (Engine engine = throughPgBouncer(CLIENTS, Map.of("prepareThreshold", 0))) {
            registry.metadata().createAll(engine);
            engine.begin(c -> c.execute(text("CREATE TABLE bouncer_total (n INTEGER NOT NULL)")));
            engine.begin(c -> c.execute(text("INSERT INTO bouncer_total VALUES (0)")));
            SessionMaker sessions = SessionMaker.of(engine, registry);
            sessions.begin(s -> {
                for (int client = 0; client < CLIENTS; client++) {
                    s.add(new Tally(client, 0));
                }
            });

            List<String> leaks = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger maxServers = new AtomicInteger();
            AtomicInteger maxClients = new AtomicInteger();
            AtomicBoolean loading = new AtomicBoolean(true);
            Thread monitor = new Thread(() -> {
                while (loading.get()) {
                    try {
                        int[] pool = pool();
                        maxServers.accumulateAndGet(pool[0], Math::max);
                        maxClients.accumulateAndGet(pool[1], Math::max);
                        Thread.sleep(20);
                    } catch (Exception e) {
                        leaks.add("monitor: " + e);
                        return;
                    }
                }
            });
            monitor.start();
            ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(threads.submit(() -> {
                    start.await();
                    for (int t = 0; t < TRANSACTIONS; t++) {
                        int id = client * TRANSACTIONS + t;
                        sessions.begin(s -> {
                            check(s, "start", leaks);
                            // transaction-scoped state, which transaction pooling allows
                            s.execute(text("SET LOCAL statement_timeout = '7s'"));
                            s.execute(text("CREATE TEMP TABLE scratch (x INTEGER) ON COMMIT DROP"));
                            s.add(new Visit(id, client, "client " + client));
                            Tally tally = s.get(Tally.class, client);
                            tally.n = tally.n + 1;
                            s.execute(text("UPDATE bouncer_total SET n = n + 1"));
                            s.flush();
                            assertThat(s.scalars(select(Visit.class)).all().size()).isGreaterThan(0);
                            Row state = s.execute(text(SESSION_STATE)).one();
                            if (state.get("prepared", Long.class) != 0) {
                                leaks.add("end: " + state);
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> client : clients) {
                client.get();
            }
            loading.set(false);
            monitor.join();
            threads.shutdown();

            System.out.printf("PgBouncer: %d clients, at most %d server connections seen, at most %d clients seen%n",
                    CLIENTS, maxServers.get(), maxClients.get());
            assertThat(leaks).as(leaks.size() + " leaks: " + leaks.stream().limit(5).toList()).isEmpty();
            assertThat(maxServers.get()).as("server connections").isBetween(1, 8);
            assertThat(maxClients.get()).as("client connections at once").isGreaterThan(8);
            assertThat(engine.poolStatus().total()).isEqualTo(CLIENTS);
            assertThat(TestDatabase.POSTGRESQL.countRows("bouncer_visits")).isEqualTo((long) CLIENTS * TRANSACTIONS);
            assertThat(engine.<Long>inTransaction(c -> c.execute(text("SELECT sum(n) FROM bouncer_tallies"))
                    .scalarOne(Long.class))).isEqualTo((long) CLIENTS * TRANSACTIONS);
            assertThat(engine.<Long>inTransaction(c -> c.execute(text("SELECT count(*) FROM bouncer_tallies WHERE n = "
                    + TRANSACTIONS)).scalarOne(Long.class))).isEqualTo(CLIENTS);
            assertThat(engine.<Integer>inTransaction(c -> c.execute(text("SELECT n FROM bouncer_total"))
                    .scalarOne(Integer.class))).isEqualTo(CLIENTS * TRANSACTIONS);
        }
    }

    private static void check(Session s, String when, List<String> leaks) {
        Row state = s.execute(text(SESSION_STATE)).one();
        if (!state.get("timeout", String.class).equals("0") || state.get("prepared", Long.class) != 0
                || state.get("temp_tables", Long.class) != 0
                || !state.get("isolation", String.class).equals("read committed")) {
            leaks.add(when + ": " + state);
        }
    }

    @Test
    void withoutPrepareThresholdZeroPgJdbcPreparesOnTheServerSessionThatOtherClientsShare() throws Exception {
        try (Engine engine = throughPgBouncer(1, Map.of())) {
            long prepared = engine.inTransaction(c -> {
                for (int i = 0; i < 6; i++) {
                    c.execute(text("SELECT 1")).scalarOne(Integer.class);
                }
                return c.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalarOne(Long.class);
            });
            assertThat(prepared).as("pgJDBC's default prepareThreshold=5 names a server statement").isPositive();
        }
        admin("KILL " + database()); // the named statement stays on that server session for its next client
        admin("RESUME " + database());
        try (Engine engine = throughPgBouncer(1, Map.of("prepareThreshold", 0))) {
            long prepared = engine.inTransaction(c -> {
                for (int i = 0; i < 6; i++) {
                    c.execute(text("SELECT 1")).scalarOne(Integer.class);
                }
                return c.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalarOne(Long.class);
            });
            assertThat(prepared).isZero();
        }
    }
}
