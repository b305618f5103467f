package dev.athanor.benchmarks.cdi;

import dev.athanor.benchmarks.orm.boot.AthanorBootEntities.E01;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.util.ServiceLoader;

/** The benchmarks' CDI application: one bean with an injected Session, booted in Weld SE. */
@ApplicationScoped
public class CdiApp {
    @Inject Session session;
    @Inject SessionMaker sessionMaker;

    /** One request that reads a row by key through the injected Session. */
    @ActivateRequestContext
    public E01 injected(int id) {
        return session.get(E01.class, id);
    }

    /** The same request inside a JTA transaction (@Transactional): the Session joins it. */
    @ActivateRequestContext
    @Transactional
    public E01 injectedTransactional(int id) {
        return session.get(E01.class, id);
    }

    /** The same read through a Session opened and closed by hand (no request context, no proxy). */
    public E01 handOpened(int id) {
        try (Session own = sessionMaker.open()) {
            return own.get(E01.class, id);
        }
    }

    /**
     * Boots Weld SE over {@code beans} with Narayana and, if {@code athanor}, Athanor's extension and the 50 boot
     * entities on an in-memory H2 (schema-generation {@code schemaGeneration}).
     */
    public static WeldContainer boot(boolean athanor, String schemaGeneration, Class<?>... beans) {
        if (athanor) {
            System.setProperty("athanor.datasource.url", "jdbc:h2:mem:cdi_bench;DB_CLOSE_DELAY=-1");
            System.setProperty("athanor.datasource.username", "sa");
            System.setProperty("athanor.packages", "dev.athanor.benchmarks.orm.boot");
            System.setProperty("athanor.pool.size", "4");
            System.setProperty("athanor.schema-generation", schemaGeneration);
        }
        System.setProperty("com.arjuna.ats.arjuna.objectstore.objectStoreDir", "target/narayana-store");
        System.setProperty("ObjectStoreEnvironmentBean.objectStoreDir", "target/narayana-store");
        ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
        Weld weld = new Weld().disableDiscovery().addBeanClasses(beans);
        for (Extension extension : ServiceLoader.load(Extension.class)) {
            if (athanor || !extension.getClass().getName().startsWith("dev.athanor")) {
                weld.addExtension(extension);
            }
        }
        return weld.initialize();
    }

    /** A bean for the baseline boot: no Athanor injection point. */
    @ApplicationScoped
    public static class Plain {
        public int answer() {
            return 42;
        }
    }
}
