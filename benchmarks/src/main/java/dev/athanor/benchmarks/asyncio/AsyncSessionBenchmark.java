package dev.athanor.benchmarks.asyncio;

import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;

/**
 * Issue 13's figures: 1,000 concurrent get-by-key tasks, each in its own session, through {@code AsyncSession}s
 * ({@code sessions.inSession(db -> db.get(...))}, all submitted at once, 16 pooled connections, the async engine's 16
 * worker threads) against the same work through blocking {@code Session}s on a fixed pool of 16 platform threads over
 * the same 16 connections. Scores are per task ({@code @OperationsPerInvocation(1000)}); the difference of the two
 * is the async layer's overhead per operation. {@code oneAsync}/{@code oneBlocking} are the uncontended latency of one
 * get (one task at a time) for the same comparison without queueing. {@code oneAsyncInline} is {@code oneAsync} on
 * an async engine whose executor runs each task on the calling thread: the async layer's own work per call (permit,
 * lane, futures, session close) without the two thread hand-offs, to compare with {@code oneBlocking}; single
 * threaded, so its {@code cpu.time.norm} holds up on a loaded machine.
 *
 * <p>The database: {@code -p db=h2,postgresql}; the PostgreSQL URL is the system property
 * {@code athanor.bench.postgresql.url} (default {@code jdbc:postgresql://127.0.0.1:5432/athanor_bench}), given to
 * the forks with {@code -jvmArgsAppend -Dathanor.bench.postgresql.url=...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AsyncSessionBenchmark {
    static final int TASKS = 1000;
    static final int THREADS = 16;
    static final int ROWS = 10_000;

    @Param({"h2", "postgresql"})
    public String db;

    private Engine engine;
    private AsyncEngine asyncEngine;
    private AsyncSessionMaker asyncSessions;
    private AsyncEngine inlineEngine;
    private AsyncSessionMaker inlineSessions;
    private SessionMaker sessions;
    private ExecutorService blockingPool;
    private int[] keys;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = switch (db) {
            case "h2" -> System.getProperty("athanor.bench.h2.url", "jdbc:h2:mem:bench_async;DB_CLOSE_DELAY=-1");
            case "postgresql" -> System.getProperty("athanor.bench.postgresql.url",
                    "jdbc:postgresql://127.0.0.1:5432/athanor_bench");
            case "mariadb" -> System.getProperty("athanor.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/athanor_bench");
            default -> throw new IllegalArgumentException("unknown database " + db);
        };
        String user = db.equals("postgresql") ? "postgres" : db.equals("mariadb") ? "root" : "sa";
        createDatabase(url, user);
        engine = Engine.builder(url).user(user).password("").poolSize(THREADS).maxOverflow(0).build();
        Registry registry = Registry.of(AsyncItem.class);
        registry.metadata().dropAll(engine);
        registry.metadata().createAll(engine);
        List<Map<String, ?>> rows = new ArrayList<>(ROWS);
        for (int i = 1; i <= ROWS; i++) {
            rows.add(Map.of("id", i, "name", "item " + i, "quantity", i % 100));
        }
        engine.begin(c -> c.execute(text("INSERT INTO bench_async_items (id, name, quantity) VALUES (:id, :name, "
                + ":quantity)"), rows));
        sessions = SessionMaker.of(engine, registry);
        asyncEngine = AsyncEngine.of(engine);
        asyncSessions = AsyncSessionMaker.of(asyncEngine, registry);
        inlineEngine = AsyncEngine.of(engine, AsyncOptions.DEFAULTS.withExecutor(Runnable::run));
        inlineSessions = AsyncSessionMaker.of(inlineEngine, registry);
        blockingPool = Executors.newFixedThreadPool(THREADS);
        keys = new int[TASKS];
        for (int i = 0; i < TASKS; i++) {
            keys[i] = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        }
    }

    /** PostgreSQL/MariaDB: creates the database of the URL if it is missing. */
    private static void createDatabase(String url, String user) throws SQLException {
        if (url.startsWith("jdbc:h2")) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?;].*", "");
        String server = url.substring(0, url.lastIndexOf('/') + 1) + (url.startsWith("jdbc:postgresql") ? "postgres" : "");
        try (Connection c = DriverManager.getConnection(server, user, ""); Statement st = c.createStatement()) {
            if (url.startsWith("jdbc:postgresql")) {
                try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    if (!rs.next()) {
                        st.execute("CREATE DATABASE " + name);
                    }
                }
            } else {
                st.execute("CREATE DATABASE IF NOT EXISTS " + name);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        // the thread counts belong to the figures: printed into JMH's log of the fork
        System.out.printf("%n[threads] async engine: peak %d worker threads, peak %d connections held; blocking side: "
                + "%d platform threads; pool max %d; JVM live threads now %d%n", asyncEngine.status().peakThreads(),
                asyncEngine.status().peakHolding(), THREADS, engine.poolStatus().maxSize(),
                Thread.activeCount());
        asyncEngine.dispose().toCompletableFuture().join();
        inlineEngine.dispose().toCompletableFuture().join();
        blockingPool.shutdown();
        blockingPool.awaitTermination(10, TimeUnit.SECONDS);
        engine.dispose();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void asyncSessions(Blackhole bh) {
        @SuppressWarnings("unchecked")
        CompletableFuture<AsyncItem>[] futures = new CompletableFuture[TASKS];
        for (int i = 0; i < TASKS; i++) {
            int key = keys[i];
            futures[i] = asyncSessions.inSession(s -> s.get(AsyncItem.class, key)).toCompletableFuture();
        }
        for (CompletableFuture<AsyncItem> future : futures) {
            bh.consume(future.join().name);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void blockingSessions(Blackhole bh) throws Exception {
        @SuppressWarnings("unchecked")
        Future<AsyncItem>[] futures = new Future[TASKS];
        for (int i = 0; i < TASKS; i++) {
            int key = keys[i];
            futures[i] = blockingPool.submit(() -> {
                try (Session session = sessions.open()) {
                    return session.get(AsyncItem.class, key);
                }
            });
        }
        for (Future<AsyncItem> future : futures) {
            bh.consume(future.get().name);
        }
    }

    @Benchmark
    public String oneAsync() {
        int key = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        return asyncSessions.inSession(s -> s.get(AsyncItem.class, key)).toCompletableFuture().join().name;
    }

    @Benchmark
    public String oneAsyncInline() {
        int key = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        return inlineSessions.inSession(s -> s.get(AsyncItem.class, key)).toCompletableFuture().join().name;
    }

    @Benchmark
    public String oneBlocking() {
        int key = ThreadLocalRandom.current().nextInt(1, ROWS + 1);
        try (Session session = sessions.open()) {
            return session.get(AsyncItem.class, key).name;
        }
    }
}
