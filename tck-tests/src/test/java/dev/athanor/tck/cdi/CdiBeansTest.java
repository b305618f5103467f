package dev.athanor.tck.cdi;

import dev.athanor.Engine;
import dev.athanor.cdi.Database;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.tck.cdi.model.Account;
import dev.athanor.tck.cdi.model.Ledger;
import dev.athanor.testing.TestDatabase;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The beans of each database, the request scope of the Session, and the Session outside any transaction. */
@Tag("database")
@ExtendWith(ArquillianExtension.class)
class CdiBeansTest {

    @Deployment
    static JavaArchive deployment() {
        return Tck.archive(Tck.withOrders(Tck.defaultDatabase("drop-and-create")), Accounts.class, Tck.class,
                StatementMeter.class, StatementMeter.OrdersListener.class);
    }

    @Inject Engine engine;
    @Inject SessionMaker sessionMaker;
    @Inject Registry registry;
    @Inject Session session;
    @Inject @Database("orders") Engine ordersEngine;
    @Inject @Database("orders") SessionMaker ordersSessionMaker;
    @Inject @Database("orders") Registry ordersRegistry;
    @Inject @Database("orders") Session ordersSession;
    @Inject Accounts accounts;
    @Inject StatementMeter meter;
    @Inject @Database("orders") StatementMeter.OrdersListener ordersListener;

    /** Called first by each test: JUnit's @BeforeEach does not run in-container under Arquillian's local protocol. */
    static void empty() throws Exception {
        TestDatabase db = TestDatabase.current();
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM tck_accounts");
        }
        try (Connection c = DriverManager.getConnection(Tck.ORDERS_URL, "sa", ""); Statement st = c.createStatement()) {
            st.execute("DELETE FROM tck_ledger");
        }
    }

    @Test
    void everyBeanTypeIsInjectedForEachDatabase() throws Exception {
        empty();
        assertThat(registry.entities()).containsExactly(Account.class);
        assertThat(ordersRegistry.entities()).containsExactly(Ledger.class);
        assertThat(engine.dialectName()).isEqualTo(TestDatabase.current().name().toLowerCase(java.util.Locale.ROOT));
        assertThat(ordersEngine.dialectName()).isEqualTo("h2");
        assertThatThrownBy(engine::close).hasMessageContaining("container-session"); // the container closes it
        assertThatThrownBy(session::close).hasMessageContaining("container-session");
        assertThat(((Number) engine.inTransaction(c -> c.scalar(text("SELECT count(*) FROM tck_accounts"))))
                .longValue()).isZero();
        try (Session own = sessionMaker.open()) {
            own.add(new Account("maker", 1));
            own.commit();
        }
        try (Session own = ordersSessionMaker.open()) {
            own.add(new Ledger("maker"));
            own.commit();
        }
        assertThat(session.get(Account.class, accountId("maker")).owner).isEqualTo("maker");
        assertThat(ordersSession.scalar(text("SELECT entry FROM tck_ledger"))).isEqualTo("maker");
    }

    @Test
    void twoDatabasesSideBySide() throws Exception {
        empty();
        accounts.record("alice", "alice opened");
        assertThat(TestDatabase.current().countRows("tck_accounts")).isEqualTo(1);
        try (Connection c = DriverManager.getConnection(Tck.ORDERS_URL, "sa", "");
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT entry FROM tck_ledger")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("alice opened");
        }
    }

    @Test
    void oneRequestHasOneSession() throws Exception {
        empty();
        Account account = new Account("same", 0);
        session.add(account);
        assertThat(accounts.contains(account)).isTrue(); // another bean, same request: the same Session
    }

    @Test
    void twoRequestsHaveTwoSessions() throws Exception {
        empty();
        Account first = CompletableFuture.supplyAsync(() -> accounts.addInOwnRequest("first")).get();
        boolean seenByOther = CompletableFuture.supplyAsync(() -> accounts.containsInOwnRequest(first)).get();
        assertThat(seenByOther).isFalse();
        assertThat(session.contains(first)).isFalse();
        // the first request ended without commit: its Session was closed and its work rolled back
        assertThat(TestDatabase.current().countRows("tck_accounts")).isZero();
    }

    @Test
    void outsideATransactionTheSessionIsResourceLocal() throws Exception {
        empty();
        accounts.openResourceLocal("committed", true);
        assertThat(TestDatabase.current().countRows("tck_accounts")).isEqualTo(1);
        Boolean flushedButNotCommitted = CompletableFuture.supplyAsync(() -> {
            accounts.addInOwnRequest("ignored");
            return true;
        }).get();
        assertThat(flushedButNotCommitted).isTrue();
        accounts.openResourceLocal("flushed only", false);
        session.rollback();
        assertThat(TestDatabase.current().countRows("tck_accounts")).isEqualTo(1);
        assertThat(accounts.owners()).containsExactly("committed");
    }

    @Test
    void executedStatementsAreCdiEventsAndReachListenerBeans() throws Exception {
        empty();
        meter.clear();
        accounts.record("metered", "metered entry");
        assertThat(meter.observed()).anySatisfy(e -> {
            assertThat(e.database()).isEmpty();
            assertThat(e.sql()).containsIgnoringCase("INSERT INTO tck_accounts");
            assertThat(e.duration()).isPositive();
            assertThat(e.failed()).isFalse();
        });
        assertThat(meter.observed()).anySatisfy(e -> assertThat(e.database()).isEqualTo("orders"));
        assertThat(meter.observedOrders()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.database()).isEqualTo("orders"))
                .anySatisfy(e -> assertThat(e.sql()).containsIgnoringCase("INSERT INTO tck_ledger"));
        assertThat(ordersListener.sql()).anySatisfy(sql -> assertThat(sql).containsIgnoringCase("INSERT INTO tck_ledger"));
        assertThat(ordersListener.sql()).noneSatisfy(sql -> assertThat(sql).containsIgnoringCase("tck_accounts"));
    }

    private long accountId(String owner) {
        try (dev.athanor.Connection c = engine.connect()) {
            return ((Number) c.scalar(text("SELECT id FROM tck_accounts WHERE owner = :o"),
                    java.util.Map.of("o", owner))).longValue();
        }
    }
}
