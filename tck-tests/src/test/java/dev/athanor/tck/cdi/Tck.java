package dev.athanor.tck.cdi;

import dev.athanor.testing.TestDatabase;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The TCK's deployments: an archive with the given classes, an empty {@code beans.xml} (CDI 4: discovery mode
 * "annotated", so entities are found through the processor's index, as in an application), and a
 * {@code META-INF/microprofile-config.properties} pointing at the database of this run.
 */
final class Tck {
    static final String MODEL = "dev.athanor.tck.cdi.model";
    static final String ORDERS_URL = "jdbc:h2:mem:tck_orders;DB_CLOSE_DELAY=-1";

    private static final java.util.concurrent.atomic.AtomicInteger ARCHIVES = new java.util.concurrent.atomic.AtomicInteger();

    private Tck() {
    }

    /** The configuration of the default database: this run's test database, entities of {@link #MODEL}. */
    static Map<String, String> defaultDatabase(String schemaGeneration) {
        TestDatabase db = TestDatabase.current();
        try {
            db.ensureCreated();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + db.jdbcUrl(), e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("athanor.datasource.url", db.jdbcUrl());
        config.put("athanor.datasource.username", db.user());
        config.put("athanor.datasource.password", db.password());
        config.put("athanor.schema-generation", schemaGeneration);
        // the test class path indexes other entities too (one deliberately broken): take this package's only
        config.put("athanor.packages", MODEL);
        config.put("athanor.echo", System.getProperty("tck.echo", "false"));
        return config;
    }

    /** Adds the second database, "orders" (an embedded H2, whatever the default one is). */
    static Map<String, String> withOrders(Map<String, String> config) {
        config.put("athanor.\"orders\".datasource.url", ORDERS_URL);
        config.put("athanor.\"orders\".datasource.username", "sa");
        config.put("athanor.\"orders\".schema-generation", "create");
        return config;
    }

    static JavaArchive archive(Map<String, String> config, Class<?>... classes) {
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "TCK deployment");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ShrinkWrap.create(JavaArchive.class, "tck-" + ARCHIVES.incrementAndGet() + ".jar")
                .addClasses(classes)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsManifestResource(new StringAsset(text.toString()), "microprofile-config.properties");
    }
}
