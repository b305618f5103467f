package dev.athanor.cdi.impl;

import dev.athanor.orm.mapping.Entity;
import org.jboss.logging.Logger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;

/**
 * Reads the entity index that athanor-processor writes at compile time ({@value #INDEX}: binary class names, one a
 * line) from every class-path entry, because bean discovery does not see an {@code @Entity} class in an archive
 * with {@code bean-discovery-mode="annotated"} (the CDI 4 default).
 */
final class EntityScan {
    static final String INDEX = "META-INF/athanor/entities";
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");

    private EntityScan() {
    }

    /** Adds the indexed entity classes that load to {@code into}; names that do not load are logged and skipped. */
    static void readIndexes(ClassLoader loader, Set<Class<?>> into) {
        Enumeration<URL> indexes;
        try {
            indexes = loader.getResources(INDEX);
        } catch (IOException e) {
            LOG.warnf("cannot list %s resources: %s", INDEX, e);
            return;
        }
        while (indexes.hasMoreElements()) {
            URL index = indexes.nextElement();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String name = line.trim();
                    if (name.isEmpty() || name.startsWith("#")) {
                        continue;
                    }
                    try {
                        Class<?> type = Class.forName(name, false, loader);
                        if (type.isAnnotationPresent(Entity.class)) {
                            into.add(type);
                        } else {
                            LOG.warnf("%s lists %s, which is not an @Entity; skipped", index, name);
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        LOG.warnf("%s lists %s, which does not load (%s); skipped", index, name, e);
                    }
                }
            } catch (IOException e) {
                LOG.warnf("cannot read %s: %s", index, e);
            }
        }
    }
}
