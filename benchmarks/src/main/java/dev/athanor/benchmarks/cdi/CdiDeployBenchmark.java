package dev.athanor.benchmarks.cdi;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Deployment time in Weld SE, cold (one boot per fresh JVM, {@code SingleShotTime}, as at an application's start):
 * <ul>
 *   <li>{@code weldOnly}: Weld SE with Narayana's extension and one plain bean: the baseline;</li>
 *   <li>{@code weldWithAthanor50}: the same plus Athanor's extension, a bean injecting {@code Session} and the 50
 *   boot entities (found through the processor's index, mapped and validated at deployment, beans added);
 *   {@code schema-generation=none}, and the pool starts on first use, so no database work is measured;</li>
 *   <li>{@code weldWithAthanor50Create}: the same with {@code schema-generation=create} on in-memory H2, which starts
 *   the pool and creates the 50 tables during deployment.</li>
 * </ul>
 * The extension's share is {@code weldWithAthanor50 - weldOnly}. Each measured boot is closed again (in the
 * measured time: Weld's shutdown is part of a deployment's life, and is small).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 10, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class CdiDeployBenchmark {

    @Benchmark
    public int weldOnly() {
        try (WeldContainer weld = CdiApp.boot(false, "none", CdiApp.Plain.class)) {
            return weld.select(CdiApp.Plain.class).get().answer();
        }
    }

    @Benchmark
    public Object weldWithAthanor50() {
        try (WeldContainer weld = CdiApp.boot(true, "none", CdiApp.class)) {
            return weld.select(CdiApp.class).get();
        }
    }

    @Benchmark
    public Object weldWithAthanor50Create() {
        try (WeldContainer weld = CdiApp.boot(true, "create", CdiApp.class)) {
            return weld.select(CdiApp.class).get();
        }
    }
}
