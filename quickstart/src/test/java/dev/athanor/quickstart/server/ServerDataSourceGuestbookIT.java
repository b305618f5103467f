package dev.athanor.quickstart.server;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * The guestbook on an XA DataSource on PostgreSQL that the server defines, not the application (Open Liberty: the
 * {@code <dataSource>} of tools/servers/liberty/server.xml; WildFly: tools/servers/wildfly/guestbook-xa-ds.xml
 * deployed next to the WAR; Payara Micro: {@code WEB-INF/glassfish-resources.xml}, see
 * {@link GuestbookWar#glassfishResources}), named by {@code athanor.datasource.jndi-name}: the profile gives its JNDI name as
 * {@code athanor.server.datasource.jndi-name} and points the server's DataSource at this run's database plus
 * {@code _serverds}. The same cases as {@link XaGuestbookIT}.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ServerDataSourceGuestbookIT extends GuestbookServerCases {
    private static final String DB = GuestbookWar.database("_serverds");

    @Deployment(name = "serverds", testable = false)
    static WebArchive serverDataSource() {
        GuestbookWar.url(DB);
        String jndiName = System.getProperty("athanor.server.datasource.jndi-name");
        if (jndiName == null) {
            throw new IllegalStateException("athanor.server.datasource.jndi-name is not set: the server profile "
                    + "names the DataSource its server defines");
        }
        // Payara Micro has no server configuration of its own in these profiles: its DataSource comes from the
        // WAR's glassfish-resources.xml, Payara's descriptor for resources (not Jakarta EE's web.xml data-source)
        return "glassfish-resources".equals(System.getProperty("athanor.server.datasource.descriptor"))
                ? GuestbookWar.glassfishResources("guestbook-serverds", jndiName, DB)
                : GuestbookWar.serverDataSource("guestbook-serverds", jndiName);
    }

    @ArquillianResource
    URL base;

    @Override
    Target target() {
        return new Target("serverds", api(base, "guestbook-serverds"), DB);
    }
}
