package dev.athanor.benchmarks;

import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;
import dev.athanor.benchmarks.orm.JdbcChild;
import dev.athanor.benchmarks.orm.JdbcParent;
import dev.athanor.benchmarks.orm.OrmChild;
import dev.athanor.benchmarks.orm.OrmParent;
import dev.athanor.benchmarks.orm.OrmParent_;
import dev.athanor.orm.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.select;
import static dev.athanor.orm.Loading.selectinLoad;

/**
 * The client's time between round trips in {@code RelationshipBenchmark.loadSelectin100}, Athanor against the JDBC
 * baseline: from the end of the parents' query (its rows received) to the start of the children's query, and from
 * the end of the children's query to the ROLLBACK (JDBC) or to {@code session.close()} (Athanor, whose close sends
 * it), each side doing what its benchmark does: Athanor sums the children's amounts inside the session, before the
 * close; JDBC after its ROLLBACK. On a machine where an idle server core is slow to wake, these gaps, not the CPU as a whole, decide the wall
 * time ({@link RoundTripGapBenchmark}). Athanor's statement times come from an {@link EngineListener} (the event's
 * time less its duration is the statement's start); JDBC's are taken inline. Medians and quartiles over 4,000 calls
 * after 2,000 of warm-up:
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
            report("athanor", db, true);
            report("jdbc", db, false);
        } finally {
            db.tearDown();
        }
    }

    private static void report(String side, RelationshipDatabase db, boolean athanor) throws SQLException {
        double[] before = new double[MEASURED];
        double[] after = new double[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            statements = 0;
            long sum = athanor ? athanor(db) : jdbc(db);
            if (sum != 49_500) {
                throw new IllegalStateException(side + ": sum of amounts " + sum + ", expected 49500");
            }
            if (i >= WARM_UP) {
                before[i - WARM_UP] = (marks[1] - marks[0]) / 1000.0;
                after[i - WARM_UP] = (lastRowTouched - marks[2]) / 1000.0;
            }
        }
        System.out.printf("%-8s parents' rows in -> children's query out: median %6.1f us (quartiles %6.1f %6.1f); "
                + "children's rows in -> ROLLBACK (Athanor: close): median %6.1f us (quartiles %6.1f %6.1f)%n", side,
                median(before), quartile(before, 1), quartile(before, 3), median(after), quartile(after, 1),
                quartile(after, 3));
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

    private static long jdbc(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            List<JdbcParent> parents = new ArrayList<>();
            Map<Integer, JdbcParent> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM bench_parent WHERE id <= ?")) {
                ps.setInt(1, RelationshipBenchmark.SMALL_PARENTS);
                try (ResultSet rs = ps.executeQuery()) {
                    marks[0] = System.nanoTime();
                    while (rs.next()) {
                        JdbcParent parent = new JdbcParent();
                        parent.id = rs.getInt(1);
                        parent.name = rs.getString(2);
                        parents.add(parent);
                        byId.put(parent.id, parent);
                    }
                }
            }
            long sum = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, parent_id, name, amount FROM bench_child WHERE parent_id = ANY (?)")) {
                Integer[] ids = new Integer[parents.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = parents.get(i).id;
                }
                ps.setArray(1, c.createArrayOf("INTEGER", ids));
                marks[1] = System.nanoTime();
                try (ResultSet rs = ps.executeQuery()) {
                    marks[2] = System.nanoTime();
                    while (rs.next()) {
                        JdbcChild child = new JdbcChild();
                        child.id = rs.getInt(1);
                        child.parentId = rs.getInt(2);
                        child.name = rs.getString(3);
                        child.amount = rs.getInt(4);
                        JdbcParent parent = byId.get(child.parentId);
                        child.parent = parent;
                        parent.children.add(child);
                    }
                }
            }
            lastRowTouched = System.nanoTime();
            c.rollback();
            for (JdbcParent parent : parents) {   // as the benchmark: the JDBC side sums after its ROLLBACK
                for (JdbcChild child : parent.children) {
                    sum += child.amount;
                }
            }
            return sum;
        }
    }

    private static double median(double[] values) {
        return quartile(values, 2);
    }

    private static double quartile(double[] values, int which) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length * which / 4];
    }
}
