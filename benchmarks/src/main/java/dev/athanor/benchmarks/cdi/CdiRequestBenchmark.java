package dev.athanor.benchmarks.cdi;

import dev.athanor.Engine;
import dev.athanor.benchmarks.orm.boot.AthanorBootEntities.E01;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.text;

/**
 * The cost of a request that reads one row by key (in-memory H2, pool of 4) through:
 * <ul>
 *   <li>{@code handOpened}: a Session opened and closed by hand from the injected SessionMaker;</li>
 *   <li>{@code injected}: the injected request-scoped Session, in a request of its own
 *   ({@code @ActivateRequestContext}: context start and end, the Session bean's creation and disposal, the client
 *   proxy, the check for a JTA transaction);</li>
 *   <li>{@code injectedTransactional}: the same inside {@code @Transactional}: Narayana begins and commits a
 *   transaction, the Session joins it (synchronization registered, enlisted connection).</li>
 * </ul>
 * The per-request overhead of the injected Session is {@code injected - handOpened}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class CdiRequestBenchmark {
    private WeldContainer weld;
    private CdiApp app;
    private int key;

    @Setup(Level.Trial)
    public void setUp() {
        weld = CdiApp.boot(true, "drop-and-create", CdiApp.class);
        app = weld.select(CdiApp.class).get();
        Engine engine = weld.select(Engine.class).get();
        engine.begin(c -> c.execute(text("INSERT INTO boot_01 (name, quantity) VALUES (:n, :q)"),
                List.of(Map.of("n", "one", "q", 1))));
        key = ((Number) engine.inTransaction(c -> c.scalar(text("SELECT min(id) FROM boot_01")))).intValue();
        if (app.injected(key) == null || app.handOpened(key) == null || app.injectedTransactional(key) == null) {
            throw new IllegalStateException("the row was not found");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        weld.close();
    }

    @Benchmark
    public E01 handOpened() {
        return app.handOpened(key);
    }

    @Benchmark
    public E01 injected() {
        return app.injected(key);
    }

    @Benchmark
    public E01 injectedTransactional() {
        return app.injectedTransactional(key);
    }
}
