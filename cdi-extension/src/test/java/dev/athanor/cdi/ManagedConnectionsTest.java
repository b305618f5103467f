package dev.athanor.cdi;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.impl.engine.ManagedEngines;
import dev.athanor.impl.engine.ManagedTransactions;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Core's seam for container transactions, with Narayana and no CDI: a connection taken inside a JTA transaction
 * is enlisted and never commits by itself; outside one it is an ordinary connection. Both the Athanor pool with
 * Agroal's Narayana integration and a "server" DataSource (what {@code jndi-name} finds) are covered.
 */
@DatabaseTest
class ManagedConnectionsTest {
    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
    private final ManagedTransactions transactions = new ManagedTransactions() {
        @Override
        public boolean isActive() {
            int status = tsr.getTransactionStatus();
            return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public void setRollbackOnly() {
            tsr.setRollbackOnly();
        }
    };

    @BeforeEach
    void table(TestDatabase db) throws Exception {
        db.resetSchema();
        try (java.sql.Connection c = db.adminConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE jta_rows (id INTEGER PRIMARY KEY, name VARCHAR(20))");
        }
    }

    private static void insert(Connection conn, int id) {
        conn.execute(text("INSERT INTO jta_rows (id, name) VALUES (:id, :name)"), Map.of("id", id, "name", "r" + id));
    }

    @Test
    void pooledEngineJoinsTheTransactionAndLeavesTheOutcomeToIt(TestDatabase db) throws Exception {
        try (Engine engine = ManagedEngines.pooled(db.builder().poolSize(2).options(),
                new NarayanaTransactionIntegration(tm, tsr), transactions)) {
            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 1);
                assertThat(conn.toString()).contains("JTA");
                assertThatThrownBy(conn::commit).isInstanceOf(InvalidRequestError.class)
                        .hasMessageContaining("connection.commit() inside a JTA transaction")
                        .hasMessageContaining("commit-in-jta");
            } // close() does not roll back: the transaction decides
            assertThat(db.countRows("jta_rows")).isZero(); // not committed yet
            tm.commit();
            assertThat(db.countRows("jta_rows")).isEqualTo(1);

            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 2);
                conn.rollback(); // dooms the transaction
                assertThat(tm.getStatus()).isEqualTo(Status.STATUS_MARKED_ROLLBACK);
            }
            assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
            assertThat(db.countRows("jta_rows")).isEqualTo(1);

            try (Connection conn = engine.connect()) { // no transaction: resource-local, as in SE
                insert(conn, 3);
                conn.commit();
            }
            assertThat(db.countRows("jta_rows")).isEqualTo(2);
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    @Test
    void aConnectionCheckedOutBeforeTheTransactionRefusesToWorkInIt(TestDatabase db) throws Exception {
        try (Engine engine = ManagedEngines.pooled(db.builder().poolSize(2).options(),
                new NarayanaTransactionIntegration(tm, tsr), transactions)) {
            try (Connection conn = engine.connect()) {
                insert(conn, 1); // resource-local: autobegun on a connection that no transaction enlisted
                tm.begin();
                try {
                    assertThatThrownBy(() -> insert(conn, 2)).isInstanceOf(InvalidRequestError.class)
                            .hasMessageContaining("this connection (checked out before the transaction began) is "
                                    + "not enlisted in it")
                            .hasMessageContaining("not-enlisted");
                } finally {
                    tm.rollback();
                }
                insert(conn, 3); // the transaction is over: resource-local again
                conn.commit();
            }
            assertThat(db.countRows("jta_rows")).isEqualTo(2); // rows 1 and 3, committed by the connection itself
            assertThat(engine.poolStatus().checkedOut()).isZero();
        }
    }

    @Test
    void engineOverAServerDataSourceBuildsNoPool(TestDatabase db) throws Exception {
        AgroalDataSourceConfigurationSupplier server = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(3)
                        .transactionIntegration(new NarayanaTransactionIntegration(tm, tsr))
                        .connectionFactoryConfiguration(f -> {
                            f.jdbcUrl(db.jdbcUrl()).principal(new NamePrincipal(db.user()));
                            return db.password().isEmpty() ? f : f.credential(new SimplePassword(db.password()));
                        }));
        try (AgroalDataSource dataSource = AgroalDataSource.from(server)) {
            Engine engine = ManagedEngines.overDataSource(Engine.builder(db.jdbcUrl()).options(), dataSource,
                    transactions);
            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 1);
            }
            tm.rollback();
            assertThat(db.countRows("jta_rows")).isZero();
            tm.begin();
            try (Connection conn = engine.connect()) {
                insert(conn, 2);
                // no statement cache over a pool Athanor does not own, even one whose handles it could unwrap
                assertThat(conn.unwrap(java.sql.Connection.class))
                        .isInstanceOf(io.agroal.pool.wrapper.ConnectionWrapper.class);
                assertThat(dev.athanor.impl.engine.StatementCaches.of(engine, conn)).isNull();
            }
            tm.commit();
            assertThat(db.countRows("jta_rows")).isEqualTo(1);
            assertThat(engine.poolStatus().total()).isZero(); // the server's pool, not Athanor's
            engine.dispose(); // leaves the server's DataSource open
            assertThat(dataSource.getMetrics().activeCount()).isZero();
            try (java.sql.Connection c = dataSource.getConnection()) {
                assertThat(c.isValid(1)).isTrue();
            }
        }
    }
}
