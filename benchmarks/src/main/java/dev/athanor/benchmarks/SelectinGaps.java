package dev.athanor.benchmarks;

import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;
import dev.athanor.benchmarks.orm.OrmChild;
import dev.athanor.benchmarks.orm.OrmParent;
import dev.athanor.benchmarks.orm.OrmParent_;
import dev.athanor.orm.Session;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.orm.Loading.selectinLoad;

/**
 * The client's time between round trips in {@code RelationshipBenchmark.loadSelectin100}, Athanor against the JDBC
 * baseline: from the end of the parents' query (its rows received) to the start of the children's query, and from
 * the end of the children's query to the ROLLBACK (JDBC) or to {@code session.close()} (Athanor, whose close sends
 * it), each side doing what its benchmark does: Athanor sums the children's amounts inside the session, before the
 * close; JDBC after its ROLLBACK. On a machine where an idle server core is slow to wake, these gaps, not the CPU as
 * a whole, decide the wall time ({@link RoundTripGapBenchmark}). Athanor's statement times come from an
 * {@link EngineListener} (the event's time less its duration is the statement's start); JDBC's from the benchmark's
 * own method run over a {@code DataSource} whose connections and statements note them (an interface proxy per
 * connection and statement). Medians and quartiles over 4,000 calls after 2,000 of warm-up:
 *
 * <pre>java -Dathanor.bench.database=athanor_bench -cp benchmarks/target/benchmarks.jar dev.athanor.benchmarks.SelectinGaps</pre>
 */
public final class SelectinGaps {
    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 4_000;

    /** Statement ends and starts of the current call: [0] end of the first, [1] start of the second, [2] its end. */
    private static final long[] marks = new long[3];
    private static int statements;
    private static long lastRowTouched;

    private SelectinGaps() {
    }

    public static void main(String[] args) throws Exception {
        RelationshipDatabase db = new RelationshipDatabase();
        db.db = "postgresql";
        db.setUp();
        try {
            db.engine.events().addListener(new EngineListener() {
                @Override
                public void afterExecute(StatementEvent event) {
                    long now = System.nanoTime();
                    if (statements == 0) {
                        marks[0] = now;
                    } else if (statements == 1) {
                        marks[1] = now - event.durationNanos();
                        marks[2] = now;
                    }
                    statements++;
                }
            });
            RelationshipBenchmark benchmark = new RelationshipBenchmark();
            report("athanor", db, true, benchmark);
            DataSource pool = db.dataSource;
            db.dataSource = timed(pool);
            try {
                report("jdbc", db, false, benchmark);
            } finally {
                db.dataSource = pool;
            }
        } finally {
            db.tearDown();
        }
    }

    private static void report(String side, RelationshipDatabase db, boolean athanor, RelationshipBenchmark benchmark)
            throws SQLException {
        double[] before = new double[MEASURED];
        double[] after = new double[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            statements = 0;
            long sum = athanor ? athanor(db) : benchmark.loadSelectin100_jdbc(db);
            if (sum != 49_500) {
                throw new IllegalStateException(side + ": sum of amounts " + sum + ", expected 49500");
            }
            if (i >= WARM_UP) {
                before[i - WARM_UP] = (marks[1] - marks[0]) / 1000.0;
                after[i - WARM_UP] = (lastRowTouched - marks[2]) / 1000.0;
            }
        }
        Arrays.sort(before);   // the call's own arrays: sorted in place once, then read at the quartiles
        Arrays.sort(after);
        int n = MEASURED;
        System.out.printf("%-8s parents' rows in -> children's query out: median %6.1f us (quartiles %6.1f %6.1f); "
                + "children's rows in -> ROLLBACK (Athanor: close): median %6.1f us (quartiles %6.1f %6.1f)%n", side,
                before[n / 2], before[n / 4], before[3 * n / 4], after[n / 2], after[n / 4], after[3 * n / 4]);
    }

    private static long athanor(RelationshipDatabase db) {
        try (Session session = db.sessions().open()) {
            List<OrmParent> parents = session.scalars(select(OrmParent.class)
                    .where(OrmParent_.id.le(RelationshipBenchmark.SMALL_PARENTS))
                    .options(selectinLoad(OrmParent_.children))).all();
            long sum = 0;
            for (OrmParent parent : parents) {
                for (OrmChild child : parent.children) {
                    sum += child.amount;
                }
            }
            lastRowTouched = System.nanoTime();
            return sum;
        }
    }

    /**
     * The pool's {@code DataSource}, wrapped so that the JDBC baseline's own method
     * ({@code RelationshipBenchmark.loadSelectin100_jdbc}), run over it, notes the times: the end of the first
     * {@code executeQuery}, the start and end of the second, the call of {@code rollback}.
     */
    private static DataSource timed(DataSource pool) {
        return proxy(DataSource.class, pool, (method, result) -> result instanceof Connection c
                ? proxy(Connection.class, c, SelectinGaps::timedStatement, null) : result, null);
    }

    private static Object timedStatement(java.lang.reflect.Method method, Object result) {
        return result instanceof PreparedStatement ps ? proxy(PreparedStatement.class, ps, (m, r) -> r, "executeQuery")
                : result;
    }

    /**
     * {@code target} behind an interface proxy whose results go through {@code wrap}; a call of {@code timedCall}
     * (a statement's {@code executeQuery}) notes its start and end, and a connection's {@code rollback} its start.
     */
    private static <T> T proxy(Class<T> type, T target,
            java.util.function.BiFunction<java.lang.reflect.Method, Object, Object> wrap, String timedCall) {
        return type.cast(java.lang.reflect.Proxy.newProxyInstance(SelectinGaps.class.getClassLoader(),
                new Class<?>[] {type}, (proxy, method, args) -> {
                    String name = method.getName();
                    boolean timed = name.equals(timedCall);
                    if (timed && statements == 1) {
                        marks[1] = System.nanoTime();
                    } else if (name.equals("rollback") && args == null) {
                        lastRowTouched = System.nanoTime();
                    }
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (timed) {
                        marks[statements == 0 ? 0 : 2] = System.nanoTime();
                        statements++;
                    }
                    return wrap.apply(method, result);
                }));
    }
}
