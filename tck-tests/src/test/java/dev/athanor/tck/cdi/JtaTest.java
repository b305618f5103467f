package dev.athanor.tck.cdi;

import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.testing.TestDatabase;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The injected Session in JTA transactions (Narayana's @Transactional interceptors). */
@Tag("database")
@ExtendWith(ArquillianExtension.class)
class JtaTest {

    @Deployment
    static JavaArchive deployment() {
        Map<String, String> config = Tck.withOrders(Tck.defaultDatabase("drop-and-create"));
        config.put("athanor.pool.size", "4");
        config.put("athanor.pool.max-overflow", "8");
        config.put("athanor.pool.timeout", "PT60S");
        return Tck.archive(config, Accounts.class, Tck.class);
    }

    @Inject Accounts accounts;
    @Inject Engine engine;

    /** Called first by each test: JUnit's @BeforeEach does not run in-container under Arquillian's local protocol. */
    static TestDatabase empty() throws Exception {
        TestDatabase db = TestDatabase.current();
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM tck_accounts");
        }
        return db;
    }

    @Test
    void transactionalCommitsTheSessionsWork() throws Exception {
        TestDatabase db = empty();
        accounts.open("a", "b", "c");
        assertThat(db.countRows("tck_accounts")).isEqualTo(3); // flushed in beforeCompletion, committed by JTA
        assertThat(accounts.owners()).containsExactly("a", "b", "c");
    }

    @Test
    void anExceptionRollsBackEveryRowTheSessionWrote() throws Exception {
        TestDatabase db = empty();
        accounts.open("kept");
        assertThatThrownBy(() -> accounts.openThenFail("x", "y", "z"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused after writing 3 rows");
        assertThat(db.countRows("tck_accounts")).isEqualTo(1);
        assertThat(accounts.owners()).containsExactly("kept");
    }

    @Test
    void dontRollbackOnCommitsDespiteTheException() throws Exception {
        TestDatabase db = empty();
        assertThatThrownBy(() -> accounts.openThenTolerate("tolerated")).isInstanceOf(Accounts.Tolerated.class);
        assertThat(db.countRows("tck_accounts")).isEqualTo(1);
        assertThat(accounts.owners()).containsExactly("tolerated");
    }

    @Test
    void theSessionFlushesBeforeTheCommitOnTheEnlistedConnection() throws Exception {
        TestDatabase db = empty();
        // a synchronization registered after the Session's sees its rows through a native Connection, pre-commit
        assertThat(accounts.openAndCountBeforeCommit("a", "b").get()).isEqualTo(2);
        assertThat(db.countRows("tck_accounts")).isEqualTo(2);
        // inside the transaction, a native Connection uses the same enlisted connection and sees flushed rows
        assertThat(accounts.flushAndCountInside("c", "d", "e")).isEqualTo(5);
        assertThat(db.countRows("tck_accounts")).isEqualTo(5);
    }

    @Test
    void commitOrRollbackInsideJtaIsTheDocumentedError() throws Exception {
        TestDatabase db = empty();
        assertThatThrownBy(accounts::commitInside)
                .isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("session.commit() inside a JTA transaction")
                .hasMessageContaining("commit-in-jta");
        assertThatThrownBy(accounts::rollbackInside)
                .isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("session.rollback() inside a JTA transaction");
        assertThat(db.countRows("tck_accounts")).isZero(); // the exception rolled the transaction back
    }

    @Test
    void thirtyTwoConcurrentRequestsOfAHundredRowsEach() throws Exception {
        TestDatabase db = empty();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> requests = new ArrayList<>();
            for (int r = 0; r < 32; r++) {
                String prefix = "r" + r;
                requests.add(pool.submit(() -> accounts.openMany(prefix, 100)));
            }
            for (Future<?> request : requests) {
                request.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(db.countRows("tck_accounts")).isEqualTo(3200);
        assertThat(engine.poolStatus().checkedOut()).isZero(); // every connection went back to the pool
        assertThat(engine.poolStatus().total()).isLessThanOrEqualTo(12);
    }
}
