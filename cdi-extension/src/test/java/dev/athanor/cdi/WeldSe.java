package dev.athanor.cdi;

import dev.athanor.testing.TestDatabase;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import jakarta.enterprise.inject.spi.Extension;

import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.ServiceLoader;
import java.util.Map;

/**
 * Boots Weld SE (with Narayana and SmallRye Config found on the class path) over the given bean classes, with the
 * test database as the default database, plus {@code extra} configuration given as system properties.
 */
final class WeldSe {
    private WeldSe() {
    }

    /** For {@code found}: every class-path extension but Narayana's, a container with no transaction manager. */
    static boolean notNarayana(Extension extension) {
        return !extension.getClass().getName().startsWith("com.arjuna");
    }

    static WeldContainer boot(TestDatabase db, Map<String, String> extra, Class<?>... beans) {
        return boot(db, extra, extension -> true, List.of(), beans);
    }

    /**
     * As {@link #boot(TestDatabase, Map, Class[])}, with only the class-path extensions that {@code found} accepts,
     * plus {@code added} ones: a container without Narayana's beans, or with some of them vetoed.
     */
    static WeldContainer boot(TestDatabase db, Map<String, String> extra, Predicate<Extension> found,
            List<Extension> added, Class<?>... beans) {
        Map<String, String> properties = new HashMap<>();
        properties.put("athanor.datasource.url", db.jdbcUrl());
        properties.put("athanor.datasource.username", db.user());
        properties.put("athanor.datasource.password", db.password());
        // the class path also holds athanor-impl's test entities (some deliberately unmappable), indexed too
        properties.put("athanor.packages", "dev.athanor.cdi.model");
        properties.putAll(extra);
        properties.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
        try {
            // SmallRye Config keeps one Config per class loader: forget it so this boot reads the new properties
            ConfigProviderResolver.instance().releaseConfig(ConfigProvider.getConfig());
            Weld weld = new Weld().disableDiscovery().addBeanClasses(beans);
            // without discovery Weld SE loads no extension by itself: Athanor's, Narayana's, ...
            ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).filter(found)
                    .forEach(weld::addExtension);
            added.forEach(weld::addExtension);
            return weld.initialize();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
