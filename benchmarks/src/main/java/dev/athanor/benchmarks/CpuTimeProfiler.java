package dev.athanor.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time per operation, {@code cpu.time.norm} in ns/op: the CPU time the benchmark JVM's Java threads used during an
 * iteration (the benchmark thread, and for H2 the database too, which runs in that thread), divided by the operations
 * of the iteration, as JMH's {@code gc} profiler does for allocation. On a shared, overloaded machine the wall time
 * of an operation also counts the time its thread waited for a core; the CPU time does not, so ratios of CPU times
 * stay comparable when the load average is well above the number of cores (for PostgreSQL it counts the client
 * only: the server is another process). Use with {@code -prof dev.athanor.benchmarks.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private Map<Long, Long> before = Map.of();

    @Override
    public String getDescription() {
        return "CPU time of the JVM's Java threads per operation";
    }

    private Map<Long, Long> sample() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        Map<Long, Long> times = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                times.put(ids[i], cpu[i]);
            }
        }
        return times;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = sample();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long used = 0;
        for (Map.Entry<Long, Long> thread : sample().entrySet()) {
            used += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        return List.of(new ScalarResult("cpu.time.norm", ops == 0 ? Double.NaN : (double) used / ops, "ns/op",
                AggregationPolicy.AVG));
    }
}
