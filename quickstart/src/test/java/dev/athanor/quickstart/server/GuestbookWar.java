package dev.athanor.quickstart.server;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

/**
 * The quickstart WAR that {@code mvn package} built, as the server tests deploy it: the same classes and libraries,
 * with a {@code microprofile-config.properties} for PostgreSQL instead of the embedded H2, and for the XA variant a
 * {@code web.xml} that defines the DataSource ({@code <data-source>}, the descriptor form of
 * {@code @DataSourceDefinition}, which WildFly, Payara and Open Liberty all read).
 */
final class GuestbookWar {
    static final String XA_JNDI_NAME = "java:app/jdbc/guestbook";
    /** PostgreSQL of this run (.mvn/maven.config or the command line; athanor_test in CI). */
    static final String URL = System.getProperty("athanor.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/athanor_test");
    static final String USER = System.getProperty("athanor.test.postgresql.user", "postgres");
    static final String PASSWORD = System.getProperty("athanor.test.postgresql.password", "");

    private GuestbookWar() {
    }

    /** Athanor's own Agroal pool, enlisted in the server's transaction manager. */
    static WebArchive pooled(String name, String database) {
        return base(name, Map.of("athanor.datasource.url", url(database), "athanor.datasource.username", USER,
                "athanor.pool.size", "2", "athanor.pool.max-overflow", "2",
                "athanor.schema-generation", "drop-and-create"));
    }

    /** The server's XA DataSource on PostgreSQL ({@code org.postgresql.xa.PGXADataSource}), named by jndi-name. */
    static WebArchive xa(String name, String database) {
        URI uri = URI.create(URL.substring("jdbc:".length()));
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>%s</name>
                    <class-name>org.postgresql.xa.PGXADataSource</class-name>
                    <server-name>%s</server-name>
                    <port-number>%d</port-number>
                    <database-name>%s</database-name>
                    <user>%s</user>
                    <password>%s</password>
                    <transactional>true</transactional>
                    <min-pool-size>0</min-pool-size>
                    <max-pool-size>10</max-pool-size>
                  </data-source>
                </web-app>
                """.formatted(XA_JNDI_NAME, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, USER,
                // Payara refuses a data-source without a password; PostgreSQL's trust authentication ignores it
                PASSWORD.isEmpty() ? "trust" : PASSWORD);
        return base(name, Map.of("athanor.datasource.jndi-name", XA_JNDI_NAME,
                "athanor.schema-generation", "drop-and-create"))
                .setWebXML(new StringAsset(webXml));
    }

    /** A DataSource that the server defines (not the WAR), named by jndi-name: the WAR carries only the name. */
    static WebArchive serverDataSource(String name, String jndiName) {
        return base(name, Map.of("athanor.datasource.jndi-name", jndiName,
                "athanor.schema-generation", "drop-and-create"));
    }

    /**
     * Payara's form of a DataSource outside the application's code: {@code WEB-INF/glassfish-resources.xml}, an XA
     * connection pool on PostgreSQL and its {@code jdbc-resource} (application-scoped, so its names start with
     * {@code java:app/}), named by jndi-name.
     */
    static WebArchive glassfishResources(String name, String jndiName, String database) {
        URI uri = URI.create(URL.substring("jdbc:".length()));
        String resources = """
                <!DOCTYPE resources PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Resource Definitions//EN"
                    "http://glassfish.org/dtds/glassfish-resources_1_5.dtd">
                <resources>
                  <jdbc-connection-pool name="java:app/guestbookServerPool" res-type="javax.sql.XADataSource"
                      datasource-classname="org.postgresql.xa.PGXADataSource" steady-pool-size="0" max-pool-size="10">
                    <property name="serverName" value="%s"/>
                    <property name="portNumber" value="%d"/>
                    <property name="databaseName" value="%s"/>
                    <property name="user" value="%s"/>
                    <property name="password" value="%s"/>
                  </jdbc-connection-pool>
                  <jdbc-resource jndi-name="%s" pool-name="java:app/guestbookServerPool"/>
                </resources>
                """.formatted(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, USER,
                PASSWORD.isEmpty() ? "trust" : PASSWORD, jndiName);
        return serverDataSource(name, jndiName).addAsWebInfResource(new StringAsset(resources),
                "glassfish-resources.xml");
    }

    /** A WAR with an entity that cannot be mapped. */
    static WebArchive broken(String name, String database) {
        WebArchive war = pooled(name, database);
        String index = "WEB-INF/classes/META-INF/athanor/entities";
        String entities = read(war, index) + "dev.athanor.quickstart.server.broken.BrokenEntry\n";
        war.delete(index);
        return war.addPackage("dev.athanor.quickstart.server.broken").add(new StringAsset(entities), index);
    }

    /** The JDBC URL of {@code database} on this run's PostgreSQL server, created if missing. */
    static String url(String database) {
        String url = URL.substring(0, URL.lastIndexOf('/') + 1) + database;
        try (Connection c = DriverManager.getConnection(URL.substring(0, URL.lastIndexOf('/') + 1) + "postgres", USER,
                PASSWORD); Statement st = c.createStatement()) {
            if (!st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                st.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + database + " on " + URL, e);
        }
        return url;
    }

    /** This run's database name (athanor_h12 for a helper, athanor_test in CI), plus {@code suffix}. */
    static String database(String suffix) {
        return URL.substring(URL.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + suffix;
    }

    private static WebArchive base(String name, Map<String, String> config) {
        File built = new File(System.getProperty("quickstart.war", "target/athanor-quickstart-0.1.0-SNAPSHOT.war"));
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name + ".war").importFrom(built).as(WebArchive.class);
        Properties properties = new Properties();
        properties.putAll(config);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "server test " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String path = "WEB-INF/classes/META-INF/microprofile-config.properties";
        war.delete(path);
        return war.add(new StringAsset(text.toString()), path);
    }

    private static String read(WebArchive war, String path) {
        try (InputStream in = war.get(path).getAsset().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
