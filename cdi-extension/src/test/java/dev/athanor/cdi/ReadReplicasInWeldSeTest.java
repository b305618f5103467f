package dev.athanor.cdi;

import dev.athanor.orm.Session;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.SiblingDatabases;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code athanor.datasource.replicas} and {@code @ReadOnly} in Weld SE: a sibling database stands in for the replica
 * (it holds a different {@code whoami} row, so a read names the server that ran it).
 */
@DatabaseTest
class ReadReplicasInWeldSeTest {

    @ApplicationScoped
    public static class Reports {
        @Inject Session session;

        private String who() {
            return session.execute(text("SELECT max(name) FROM whoami")).scalarOne(String.class);
        }

        @ReadOnly
        @ActivateRequestContext
        public String onReplica() {
            return who();
        }

        @ActivateRequestContext
        public String plain() {
            return who();
        }

        @ReadOnly
        @Transactional
        @ActivateRequestContext
        public String writeThenRead() {
            session.execute(text("INSERT INTO whoami VALUES ('written')"));
            return who();
        }
    }

    @BeforeEach
    void servers(TestDatabase db) throws Exception {
        db.resetSchema();
        try (java.sql.Connection c = db.adminConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE whoami (name VARCHAR(40))");
            st.execute("INSERT INTO whoami VALUES ('primary')");
        }
    }

    @Test
    void readOnlyMethodsReadFromTheReplicaAndWritesPinThePrimary(TestDatabase db) throws Exception {
        String replica = SiblingDatabases.prepare(db, 1, "replica1");
        try (WeldContainer weld = WeldSe.boot(db, Map.of("athanor.datasource.replicas", replica,
                "athanor.datasource.replica-check-interval", "200ms"), Reports.class)) {
            Reports reports = weld.select(Reports.class).get();
            assertThat(reports.onReplica()).isEqualTo("replica1");
            assertThat(reports.plain()).isEqualTo("primary");
            assertThat(reports.writeThenRead()).as("read-your-writes inside the JTA transaction")
                    .isEqualTo("written");
            assertThat(db.countRows("whoami")).isEqualTo(2);
            assertThat(reports.onReplica()).isEqualTo("replica1");
        }
    }
}
