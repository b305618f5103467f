package dev.athanor.xa;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.impl.engine.StatementCaches;
import dev.athanor.impl.pool.StatementCache;
import dev.athanor.testing.StatementRecorder;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.Map;

import static dev.athanor.Sql.text;
import static dev.athanor.impl.engine.StatementCaches.cached;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement cache of XA engines on two databases (PostgreSQL and MariaDB; two H2 databases on the H2 run), one
 * physical connection each: the statements cached in the first transaction are the ones that write both branches of
 * the next transactions, and those writes commit or roll back with them on both databases.
 */
@Tag("database")
class XaStatementCacheTest {
    private static final String INSERT_A = "INSERT INTO xa_cached_a (id, label) VALUES (?, ?)";
    private static final String INSERT_B = "INSERT INTO xa_cached_b (id, label) VALUES (?, ?)";

    private final TransactionManager tm = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry tsr = new TransactionSynchronizationRegistryImple();
    private final XaPair pair = XaPair.forRun();
    private Engine a;
    private Engine b;

    @BeforeEach
    void setUp() throws Exception {
        pair.first().createTable("xa_cached_a");
        pair.second().createTable("xa_cached_b");
        a = engine(pair.first());
        b = engine(pair.second());
    }

    private Engine engine(XaPair.Side side) {
        return Engine.builder(side.jdbcUrl()).user(side.user()).password(side.password()).poolSize(1).maxOverflow(0)
                .statementCacheSize(10).xa(tm, tsr).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        a.dispose();
        b.dispose();
    }

    private void writeBoth(int id) {
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            ca.execute(text("INSERT INTO xa_cached_a (id, label) VALUES (:id, :label)"),
                    Map.of("id", id, "label", "a" + id));
            cb.execute(text("INSERT INTO xa_cached_b (id, label) VALUES (:id, :label)"),
                    Map.of("id", id, "label", "b" + id));
        }
    }

    private static StatementCache cacheOf(Engine engine) {
        try (Connection conn = engine.connect()) {
            return StatementCaches.of(engine, conn);
        }
    }

    @Test
    void statementsCachedInOneTransactionWriteBothBranchesOfTheNextOnes() throws Exception {
        StatementCache cacheA = cacheOf(a);
        StatementCache cacheB = cacheOf(b);
        tm.begin();
        writeBoth(1);
        tm.commit();
        PreparedStatement statementA = cached(cacheA, INSERT_A);
        PreparedStatement statementB = cached(cacheB, INSERT_B);
        assertThat(statementA).isNotNull();
        assertThat(statementB).isNotNull();
        long missesA = cacheA.misses();
        long missesB = cacheB.misses();

        try (StatementRecorder sentA = StatementRecorder.on(a); StatementRecorder sentB = StatementRecorder.on(b)) {
            tm.begin();
            writeBoth(2);
            tm.rollback();
            assertThat(pair.first().rows("xa_cached_a")).isEqualTo(1);
            assertThat(pair.second().rows("xa_cached_b")).isEqualTo(1);

            tm.begin();
            writeBoth(3);
            writeBoth(4);
            tm.commit();
            assertThat(sentA.count()).isEqualTo(3);
            assertThat(sentB.count()).isEqualTo(3);
        }

        assertThat(pair.first().count("SELECT count(*) FROM xa_cached_a WHERE id IN (1, 3, 4)")).isEqualTo(3);
        assertThat(pair.second().count("SELECT count(*) FROM xa_cached_b WHERE id IN (1, 3, 4)")).isEqualTo(3);
        assertThat(pair.first().rows("xa_cached_a")).isEqualTo(3);
        assertThat(pair.second().rows("xa_cached_b")).isEqualTo(3);
        assertThat(cacheA.misses()).isEqualTo(missesA);   // every insert after the first: the cached statement
        assertThat(cacheB.misses()).isEqualTo(missesB);
        assertThat(cached(cacheA, INSERT_A)).isSameAs(statementA);
        assertThat(cached(cacheB, INSERT_B)).isSameAs(statementB);
        assertThat(pair.first().preparedBranches()).isZero();
        assertThat(pair.second().preparedBranches()).isZero();
        assertThat(a.poolStatus().checkedOut()).isZero();
        assertThat(b.poolStatus().checkedOut()).isZero();
    }
}
