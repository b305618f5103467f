package dev.athanor.cdi;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.cdi.model.Note;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No silent loss of data: a container whose transaction manager Athanor cannot reach fails the deployment (unless
 * {@code athanor.transactions=resource-local}), and a connection that is not enlisted in the active JTA transaction
 * refuses to work in it. Real Weld, Narayana and database; the "unreachable" objects are Narayana's CDI beans
 * vetoed or left out, as on Open Liberty without {@code jndi-1.0}.
 */
@DatabaseTest
class UnreachableTransactionsTest {

    @ApplicationScoped
    public static class Writer {
        @Inject Session session;

        @Transactional
        @ActivateRequestContext
        public void writeAndCommit(String text) {
            session.add(new Note(text));
            session.commit(); // resource-local: the Session commits itself, even inside the container's transaction
        }
    }

    /** Writes through a Session it opened before the transaction began. */
    @ApplicationScoped
    public static class EarlySession {
        @Inject SessionMaker maker;
        @Inject TransactionManager tm;

        public RuntimeException writeInTransactionOpenedOutside(String text) throws Exception {
            try (Session session = maker.open()) {
                assertThat(session.scalars(select(Note.class)).all()).isEmpty(); // checks out a connection now
                tm.begin();
                try {
                    session.add(new Note(text));
                    session.flush();
                    return null;
                } catch (RuntimeException e) {
                    return e;
                } finally {
                    tm.rollback();
                }
            }
        }
    }

    /** A registry (Narayana's own) as a bean, and no TransactionManager anywhere. */
    @Dependent
    public static class RegistryOnly {
        @Produces
        TransactionSynchronizationRegistry registry() {
            return new TransactionSynchronizationRegistryImple();
        }
    }

    /** Vetoes Narayana's registry bean: the manager and the @Transactional interceptors remain. */
    public static class NoRegistryBean implements Extension {
        void veto(@Observes ProcessAnnotatedType<?> event) {
            if (event.getAnnotatedType().getJavaClass().getName().endsWith("NarayanaTransactionSynchronizationRegistry")) {
                event.veto();
            }
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws Exception {
        db.resetSchema();
    }

    private static Map<String, String> config(String transactions) {
        Map<String, String> config = new HashMap<>();
        config.put("athanor.schema-generation", "create");
        config.put("athanor.transactions", transactions);
        return config;
    }

    @Test
    void aRegistryThatCannotBeFoundFailsTheDeploymentNamingItAndTheFix(TestDatabase db) {
        assertThatThrownBy(() -> WeldSe.boot(db, config(null), e -> true, List.of(new NoRegistryBean()),
                Writer.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("the default database: a TransactionManager was found, but Athanor cannot reach "
                        + "the TransactionSynchronizationRegistry")
                .hasMessageContaining("java:comp/TransactionSynchronizationRegistry")
                .hasMessageContaining("jndi-1.0")
                .hasMessageContaining("athanor.transactions=resource-local")
                .hasMessageContaining("jta-not-found");
    }

    @Test
    void explicitlyResourceLocalSessionsDeployAndCommitThemselves(TestDatabase db) throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, config("resource-local"), e -> true,
                List.of(new NoRegistryBean()), Writer.class)) {
            weld.select(Writer.class).get().writeAndCommit("kept");
            assertThat(db.countRows("cdi_notes")).isEqualTo(1);
        }
    }

    @Test
    void aRegistryWithoutAManagerFailsTheDeploymentOfAnAthanorPool(TestDatabase db) {
        assertThatThrownBy(() -> WeldSe.boot(db, config(null), WeldSe::notNarayana, List.of(),
                RegistryOnly.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("a TransactionSynchronizationRegistry was found, but Athanor cannot reach "
                        + "the TransactionManager")
                .hasMessageContaining("java:comp/TransactionManager")
                .hasMessageContaining("enlist")
                .hasMessageContaining("athanor.transactions=resource-local");
    }

    @Test
    void aContainerWithNoTransactionManagerAtAllIsResourceLocalUnlessJtaIsRequired(TestDatabase db)
            throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, config(null), WeldSe::notNarayana, List.of(),
                Writer.class)) {
            weld.select(Writer.class).get().writeAndCommit("kept"); // no interceptor: no transaction either
            assertThat(db.countRows("cdi_notes")).isEqualTo(1);
        }
        assertThatThrownBy(() -> WeldSe.boot(db, config("jta"), WeldSe::notNarayana, List.of(),
                Writer.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("athanor.transactions=jta, but Athanor cannot reach the "
                        + "TransactionSynchronizationRegistry");
    }

    @Test
    void aSessionWhoseConnectionIsNotEnlistedRefusesToWorkInTheTransaction(TestDatabase db) throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, config(null), EarlySession.class)) {
            RuntimeException error = weld.select(EarlySession.class).get().writeInTransactionOpenedOutside("lost?");
            assertThat(error).isNotNull();
            assertThat(error.getMessage()).contains("a JTA transaction is active on this thread, but this connection")
                    .contains("not enlisted").contains("not-enlisted");
            assertThat(db.countRows("cdi_notes")).isZero();
            assertThat(weld.select(dev.athanor.Engine.class).get().poolStatus().checkedOut()).isZero();
        }
    }
}
