package dev.athanor.faults;

import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every pooled backend killed, twice, during a 16-thread ORM load of 16 x 100 transactions (PostgreSQL
 * {@code pg_terminate_backend}, MariaDB {@code KILL}; only sessions of the test's own database). Promised: every
 * commit that returned is in the table exactly once, nothing is duplicated, a transaction that failed with a plain
 * error (anything but {@link dev.athanor.CommitOutcomeUnknownError}, from flush or from {@code commit()}) left
 * nothing, in-doubt commits (exactly those that raised {@code CommitOutcomeUnknownError}) are counted, present or
 * not, and reported, and the pool ends with nothing checked out and no more server sessions than its maximum.
 */
@DatabaseTest
@Tag("slow")
class BackendKillTest {
    private static final int THREADS = 16;
    private static final int TRANSACTIONS = 100;

    @Test
    void killingEveryPooledBackendTwiceLosesAndDuplicatesNothing(Engine ignored, TestDatabase db) throws Exception {
        assumeTrue(db.canKillBackend(), "H2 cannot kill a session from outside");
        Engine engine = db.builder().poolSize(8).maxOverflow(8).build();
        try {
            Registry registry = Registry.of(FaultRow.class);
            registry.metadata().createAll(engine);
            OrmLoad load = new OrmLoad(SessionMaker.of(engine, registry));
            List<Integer> killed = new ArrayList<>();
            load.run(THREADS, TRANSACTIONS, done -> {
                if (done == TRANSACTIONS / 3 || done == 2 * TRANSACTIONS / 3) {
                    killed.add(killOwnBackends(db));
                }
            });

            Map<String, Integer> rows = OrmLoad.rowsByToken(db.adminConnection());
            System.out.printf("FAULTS kill %s: %d transactions, %s, backends killed %s%n", db, load.attempts(),
                    load.summary(rows), killed);

            assertThat(load.attempts()).isEqualTo(THREADS * TRANSACTIONS);
            assertThat(killed).hasSize(2).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(load.failed.size() + load.inDoubt.size()).as("the kills broke transactions")
                    .isPositive();
            load.assertConsistentWith(rows);
            assertThat(engine.poolStatus().checkedOut()).isZero();
            assertThat((long) serverSessions(db)).isLessThanOrEqualTo(engine.poolStatus().maxSize() + 1L); // + admin
        } finally {
            engine.dispose();
        }
    }

    /** Kills every other session connected to the test's own database; returns how many. */
    static int killOwnBackends(TestDatabase db) {
        try (Connection admin = db.adminConnection(); Statement st = admin.createStatement()) {
            if (db == TestDatabase.POSTGRESQL) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                        + "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT id FROM information_schema.processlist "
                    + "WHERE db = DATABASE() AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int n = 0;
            for (long id : ids) {
                try {
                    st.execute("KILL CONNECTION " + id);
                    n++;
                } catch (SQLException gone) {
                    // ended between the listing and the KILL
                }
            }
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sessions the server has open on the test's database (the pool's, plus this query's own). */
    static int serverSessions(TestDatabase db) throws SQLException {
        String sql = db == TestDatabase.POSTGRESQL
                ? "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                : "SELECT count(*) FROM information_schema.processlist WHERE db = DATABASE()";
        try (Connection c = db.adminConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
