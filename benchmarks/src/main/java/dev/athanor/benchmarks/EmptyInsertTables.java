package dev.athanor.benchmarks;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Empties the insert workload's tables ({@code orm_insert_items}, {@code orm_insert_seq}) before every invocation
 * (outside the measured time), so that each 10,000-row insert starts from an empty table on every side, and no dead
 * tuples or index growth of earlier invocations skew PostgreSQL. An invocation takes tens of milliseconds, far above
 * the overhead JMH warns about for {@code Level.Invocation}.
 */
@State(Scope.Thread)
public class EmptyInsertTables {

    @Setup(Level.Invocation)
    public void truncate(OrmDatabase db) throws SQLException {
        try (Connection c = db.dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE TABLE orm_insert_items");
            st.execute("TRUNCATE TABLE orm_insert_seq");
            c.commit();
        }
    }
}
