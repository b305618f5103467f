import dev.athanor.Engine;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.benchmarks.asyncio.AsyncItem;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import static dev.athanor.Sql.text;

/**
 * The async layer's own cost per call, exactly and independent of the machine's load: bytes allocated (and thread CPU
 * time) per get by key on one thread, a blocking {@code Session} against {@code inSession(s -> s.get(...))} on an
 * {@code AsyncEngine} whose executor runs each task on the calling thread (no thread hand-off). Allocation is exact
 * (ThreadMXBean); CPU still varies with the load. Six rounds of 200,000 gets each, the first two are warm-up.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar benchmarks/scripts/AsyncLayerCost.java} (H2 in memory).
 */
public class AsyncLayerCost {
    public static void main(String[] args) {
        Engine engine = Engine.builder("jdbc:h2:mem:cost;DB_CLOSE_DELAY=-1").user("sa").password("").poolSize(16).maxOverflow(0).build();
        Registry registry = Registry.of(AsyncItem.class);
        registry.metadata().createAll(engine);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) rows.add(Map.of("id", i, "name", "item " + i, "quantity", i % 100));
        engine.begin(c -> c.execute(text("INSERT INTO bench_async_items (id, name, quantity) VALUES (:id, :name, :quantity)"), rows));
        SessionMaker sessions = SessionMaker.of(engine, registry);
        AsyncEngine inline = AsyncEngine.of(engine, AsyncOptions.DEFAULTS.withExecutor(Runnable::run));
        AsyncSessionMaker asyncSessions = AsyncSessionMaker.of(inline, registry);
        int[] k = {0};
        IntSupplier blocking = () -> { int key = 1 + (k[0]++ % 10_000); try (Session s = sessions.open()) { return s.get(AsyncItem.class, key).name.length(); } };
        IntSupplier async = () -> { int key = 1 + (k[0]++ % 10_000); return asyncSessions.inSession(s -> s.get(AsyncItem.class, key)).toCompletableFuture().join().name.length(); };
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        int n = 200_000;
        for (int round = 0; round < 6; round++) {
            for (String name : new String[] {"blocking", "asyncInline"}) {
                IntSupplier op = name.equals("blocking") ? blocking : async;
                long b0 = mx.getThreadAllocatedBytes(tid), c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                int sink = 0;
                for (int i = 0; i < n; i++) sink += op.getAsInt();
                long bytes = mx.getThreadAllocatedBytes(tid) - b0, cpu = mx.getCurrentThreadCpuTime() - c0, wall = System.nanoTime() - w0;
                if (round >= 2) System.out.printf("round %d %-12s %8.1f B/op  cpu %6.2f us/op  wall %6.2f us/op (%d)%n", round, name, (double) bytes / n, cpu / 1e3 / n, wall / 1e3 / n, sink % 7);
            }
        }
        inline.dispose().toCompletableFuture().join();
        engine.dispose();
    }
}
