package dev.athanor.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs benchmark methods in turns in one JVM and reports, per method, the median CPU time of the calling thread per
 * call and its exact allocation per call: a paired comparison for a shared or loaded machine, where JMH's separate
 * runs of each variant meet different loads. Thread CPU time leaves out the database server, the JIT and the GC, so
 * it measures the client's own work (on PostgreSQL, the part Athanor and JDBC differ in). The median wall-clock time
 * per call is printed beside it: wall time less CPU time is what the call waited for (the server, the network, the
 * GC, other threads on the cores).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.athanor.benchmarks.Interleaved postgresql OrmDatabase \
 *     OrmVsHibernateBenchmark 150 24 load1000_athanor load1000_jdbc
 * </pre>
 * Arguments: database ({@code h2}, {@code postgresql}, {@code mariadb}), the state class and the benchmark class
 * (simple names in this package), calls per turn, turns (a third more run first as warm-up), then the methods (each
 * taking the state as its only parameter). The last method is the reference of the ratio column.
 */
public final class Interleaved {
    private Interleaved() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 6) {
            System.err.println("usage: Interleaved db StateClass BenchmarkClass callsPerTurn turns method...");
            System.exit(2);
        }
        String db = args[0];
        Class<?> stateClass = Class.forName("dev.athanor.benchmarks." + args[1]);
        Object state = stateClass.getConstructor().newInstance();
        stateClass.getField("db").set(state, db);
        stateClass.getMethod("setUp").invoke(state);
        Class<?> benchClass = Class.forName("dev.athanor.benchmarks." + args[2]);
        Object bench = benchClass.getConstructor().newInstance();
        for (Method method : benchClass.getMethods()) {
            if (method.getName().equals("setUp") && method.getParameterCount() == 0) {
                method.invoke(bench);
            }
        }
        int calls = Integer.parseInt(args[3]);
        int turns = Integer.parseInt(args[4]);
        String[] names = Arrays.copyOfRange(args, 5, args.length);
        Method[] methods = new Method[names.length];
        for (int i = 0; i < names.length; i++) {
            methods[i] = benchClass.getMethod(names[i], stateClass);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[names.length][turns];
        double[][] wall = new double[names.length][turns];
        long[] allocated = new long[names.length];
        int warmUp = turns / 3;
        Object sink = null;
        for (int turn = 0; turn < turns + warmUp; turn++) {
            for (int m = 0; m < names.length; m++) {
                long wall0 = System.nanoTime();
                long cpu0 = threads.getCurrentThreadCpuTime();
                long allocated0 = threads.getCurrentThreadAllocatedBytes();
                for (int k = 0; k < calls; k++) {
                    sink = methods[m].invoke(bench, state);
                }
                long cpuTime = threads.getCurrentThreadCpuTime() - cpu0;
                long wallTime = System.nanoTime() - wall0;
                long bytes = threads.getCurrentThreadAllocatedBytes() - allocated0;
                if (turn >= warmUp) {
                    cpu[m][turn - warmUp] = cpuTime / 1000.0 / calls;
                    wall[m][turn - warmUp] = wallTime / 1000.0 / calls;
                    allocated[m] = bytes / calls;
                }
            }
        }
        double reference = median(cpu[names.length - 1]);
        double wallReference = median(wall[names.length - 1]);
        for (int m = 0; m < names.length; m++) {
            double[] sorted = cpu[m].clone();
            Arrays.sort(sorted);
            double wallMedian = median(wall[m]);
            System.out.printf("%-40s %-10s median %8.1f us CPU (quartiles %8.1f %8.1f) %10d B/call  ratio %.2f"
                    + "  wall %8.1f us ratio %.2f%n", names[m], db, sorted[turns / 2], sorted[turns / 4],
                    sorted[3 * turns / 4], allocated[m], sorted[turns / 2] / reference, wallMedian,
                    wallMedian / wallReference);
        }
        System.out.println(sink == null ? "" : "(results consumed)");
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
