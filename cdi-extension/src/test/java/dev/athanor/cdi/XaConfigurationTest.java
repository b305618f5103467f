package dev.athanor.cdi;

import dev.athanor.Engine;
import dev.athanor.cdi.model.Note;
import dev.athanor.orm.Session;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The error paths of {@code athanor.datasource.xa=true}: an XA pool enlists its connections through the JTA
 * {@code TransactionManager}, so a container without one fails the deployment naming the key (whether it has no
 * JTA at all, only a registry, or Sessions are configured resource-local); and read-replica routing is refused for
 * an XA pool at configuration time, naming both keys. Real Weld SE, with Narayana's CDI extension left out or kept.
 */
@DatabaseTest
class XaConfigurationTest {

    @ApplicationScoped
    public static class Writer {
        @Inject Session session;

        @ActivateRequestContext
        public void write(String text) {
            session.add(new Note(text));
            session.commit();
        }
    }

    @BeforeEach
    void clean(TestDatabase db) throws Exception {
        db.resetSchema();
    }

    private static Map<String, String> xa(String... more) {
        Map<String, String> config = new HashMap<>();
        config.put("athanor.schema-generation", null);
        config.put("athanor.transactions", null);
        config.put("athanor.datasource.replicas", null);
        config.put("athanor.datasource.xa", "true");
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    @Test
    void withoutAnyTransactionManagerTheDeploymentFailsNamingTheKey(TestDatabase db) throws Exception {
        assertThatThrownBy(() -> WeldSe.boot(db, xa(), WeldSe::notNarayana, List.of(), Writer.class)
                .close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("the default database: configuration key athanor.datasource.xa is true, but no "
                        + "JTA TransactionManager was found")
                .hasMessageContaining("narayana-jta")
                .hasMessageContaining("jta-not-found");
        // the same container without the key deploys, with resource-local Sessions that commit themselves
        Map<String, String> plain = xa();
        plain.put("athanor.datasource.xa", null);
        plain.put("athanor.schema-generation", "create");
        try (WeldContainer weld = WeldSe.boot(db, plain, WeldSe::notNarayana, List.of(), Writer.class)) {
            weld.select(Writer.class).get().write("kept");
            assertThat(db.countRows("cdi_notes")).isEqualTo(1);
        }
    }

    @Test
    void aRegistryWithoutAManagerFailsTheDeploymentNamingTheKey(TestDatabase db) {
        assertThatThrownBy(() -> WeldSe.boot(db, xa(), WeldSe::notNarayana, List.of(),
                UnreachableTransactionsTest.RegistryOnly.class, Writer.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("cannot reach the TransactionManager")
                .hasMessageContaining("Configuration key athanor.datasource.xa is true: an XA pool needs both")
                .hasMessageNotContaining("=resource-local");
    }

    @Test
    void resourceLocalSessionsWithAnXaPoolFailTheDeploymentNamingBothKeys(TestDatabase db) {
        // Narayana is there: only the configuration leaves JTA out
        assertThatThrownBy(() -> WeldSe.boot(db, xa("athanor.transactions", "resource-local"), Writer.class)
                .close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("configuration key athanor.datasource.xa is true")
                .hasMessageContaining("athanor.transactions=resource-local leaves JTA out");
    }

    @Test
    void readReplicasWithAnXaPoolAreRefusedNamingBothKeys(TestDatabase db) {
        // the replica is the primary's own URL: refused for the combination, not because it is unreachable
        assertThatThrownBy(() -> WeldSe.boot(db, xa("athanor.datasource.replicas", db.jdbcUrl()), Writer.class)
                .close())
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("configuration keys athanor.datasource.xa=true and athanor.datasource.replicas "
                        + "cannot be combined")
                .hasMessageContaining("not be part of the JTA transaction");
    }

    @Test
    void anXaPoolWithTheManagerDeploysAndWrites(TestDatabase db) throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, xa("athanor.schema-generation", "create"), Writer.class)) {
            weld.select(Writer.class).get().write("xa");
            assertThat(db.countRows("cdi_notes")).isEqualTo(1);
            assertThat(weld.select(Engine.class).get().poolStatus().checkedOut()).isZero();
        }
    }
}
