package dev.athanor.cdi;

import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import dev.athanor.Engine;
import dev.athanor.cdi.model.Note;
import dev.athanor.orm.Session;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code athanor.datasource.jndi-name}: the extension looks the DataSource up by JNDI and builds no pool. The
 * "server" here is an Agroal DataSource enlisting in Narayana, bound in a test JNDI.
 */
@DatabaseTest
class JndiDataSourceTest {
    static final String NAME = "java:comp/env/jdbc/notes";

    @ApplicationScoped
    public static class Writer {
        @Inject Session session;

        @Transactional
        @ActivateRequestContext
        public void write(String text, boolean fail) {
            session.add(new Note(text));
            session.flush();
            if (fail) {
                throw new IllegalStateException("rolled back");
            }
        }
    }

    private AgroalDataSource server;
    private String factory;

    @BeforeEach
    void bind(TestDatabase db) throws Exception {
        db.resetSchema();
        server = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().metricsEnabled(true)
                .connectionPoolConfiguration(pool -> pool.maxSize(3)
                        .transactionIntegration(new NarayanaTransactionIntegration(
                                com.arjuna.ats.jta.TransactionManager.transactionManager(),
                                new TransactionSynchronizationRegistryImple()))
                        .connectionFactoryConfiguration(f -> {
                            f.jdbcUrl(db.jdbcUrl()).principal(new NamePrincipal(db.user()));
                            return db.password().isEmpty() ? f : f.credential(new SimplePassword(db.password()));
                        })));
        TestJndi.BOUND.put(NAME, server);
        // what an application server binds too (Narayana's CDI beans look these up once JNDI is configured)
        TestJndi.BOUND.put("java:/TransactionManager", com.arjuna.ats.jta.TransactionManager.transactionManager());
        TestJndi.BOUND.put("java:/TransactionSynchronizationRegistry", new TransactionSynchronizationRegistryImple());
        factory = System.getProperty("java.naming.factory.initial");
        System.setProperty("java.naming.factory.initial", TestJndi.class.getName());
    }

    @AfterEach
    void unbind() {
        TestJndi.BOUND.clear();
        if (factory == null) {
            System.clearProperty("java.naming.factory.initial");
        } else {
            System.setProperty("java.naming.factory.initial", factory);
        }
        server.close();
    }

    private static Map<String, String> jndiConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("athanor.datasource.url", null); // no URL: the JNDI name alone
        config.put("athanor.datasource.username", null);
        config.put("athanor.datasource.password", null);
        config.put("athanor.datasource.jndi-name", NAME);
        config.put("athanor.schema-generation", "create"); // through the server's DataSource
        return config;
    }

    @Test
    void theServersDataSourceIsUsedAndEnlisted(TestDatabase db) throws Exception {
        try (WeldContainer weld = WeldSe.boot(db, jndiConfig(), Writer.class)) {
            Writer writer = weld.select(Writer.class).get();
            writer.write("kept", false);
            assertThatThrownBy(() -> writer.write("dropped", true)).hasMessageContaining("rolled back");
            assertThat(db.countRows("cdi_notes")).isEqualTo(1);
            Engine engine = weld.select(Engine.class).get();
            assertThat(engine.dialectName()).isEqualTo(db.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(engine.poolStatus().total()).isZero(); // Athanor built no pool
            assertThat(server.getMetrics().creationCount()).isPositive(); // the server's pool did the work
        }
        assertThat(server.getMetrics().activeCount()).isZero();
    }

    @Test
    void anUnknownJndiNameIsReportedWithItsKey(TestDatabase db) {
        Map<String, String> config = jndiConfig();
        // a global name: one in the application's namespaces (java:app, java:comp) may be bound only for the
        // application's components (Payara), so a miss there is reported on the engine's first use instead
        config.put("athanor.datasource.jndi-name", "java:global/jdbc/missing");
        config.put("athanor.schema-generation", "validate"); // needs the engine at deployment
        assertThatThrownBy(() -> WeldSe.boot(db, config, Writer.class).close())
                .hasMessageContaining("cannot look up the DataSource java:global/jdbc/missing")
                .hasMessageContaining("athanor.datasource.jndi-name");
    }
}
