package dev.athanor.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties the save workload's tables ({@code bench_save_parent}/{@code bench_save_child} and the {@code _seq} pair)
 * before every invocation, outside the measured time, so that every save of 1,000 parents and 10,000 children starts
 * from empty tables on every side (as {@link EmptyInsertTables} does for the insert workload). Before emptying them it
 * checks what the previous invocation left: nothing, or exactly 1,000 parents and 10,000 children, each child with its
 * parent's key. An invocation takes tens of milliseconds or more, far above the overhead of {@code Level.Invocation}.
 */
@State(Scope.Thread)
public class EmptySaveTables {

    @Setup(Level.Invocation)
    public void truncate(RelationshipDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection(); Statement st = c.createStatement()) {
            check(st, "bench_save_parent", "bench_save_child");
            check(st, "bench_save_parent_seq", "bench_save_child_seq");
            if (db.db.equals("postgresql")) {
                st.execute("TRUNCATE TABLE bench_save_child, bench_save_parent, bench_save_child_seq, "
                        + "bench_save_parent_seq");
            } else {
                // H2 truncates a table referenced by a foreign key only with the table's referential integrity off
                for (String parent : new String[] {"bench_save_parent", "bench_save_parent_seq"}) {
                    st.execute("TRUNCATE TABLE " + parent.replace("parent", "child"));
                    st.execute("ALTER TABLE " + parent + " SET REFERENTIAL_INTEGRITY FALSE");
                    st.execute("TRUNCATE TABLE " + parent);
                    st.execute("ALTER TABLE " + parent + " SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
            c.commit();
        }
    }

    private static void check(Statement st, String parentTable, String childTable) throws SQLException {
        int parents;
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + parentTable)) {
            rs.next();
            parents = rs.getInt(1);
        }
        try (ResultSet rs = st.executeQuery("SELECT count(*), count(c.parent_id), count(p.id) FROM " + childTable
                + " c LEFT JOIN " + parentTable + " p ON p.id = c.parent_id")) {
            rs.next();
            int children = rs.getInt(1);
            boolean empty = parents == 0 && children == 0;
            boolean whole = parents == RelationshipDatabase.PARENTS && children == RelationshipDatabase.CHILDREN
                    && rs.getInt(2) == children && rs.getInt(3) == children;
            if (!empty && !whole) {
                throw new IllegalStateException("the save left " + parents + " rows in " + parentTable + " and "
                        + children + " in " + childTable + " (" + rs.getInt(2) + " with a parent_id, "
                        + rs.getInt(3) + " with their parent) instead of " + RelationshipDatabase.PARENTS + " and "
                        + RelationshipDatabase.CHILDREN);
            }
        }
    }
}
