package dev.athanor.quickstart.server;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

/**
 * The guestbook on the server's XA DataSource on PostgreSQL ({@code org.postgresql.xa.PGXADataSource}, defined by
 * the WAR's {@code web.xml}), named by {@code athanor.datasource.jndi-name}: Athanor builds no pool.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class XaGuestbookIT extends GuestbookServerCases {
    private static final String DB = GuestbookWar.database("_xa");

    @Deployment(name = "xa", testable = false)
    static WebArchive xa() {
        GuestbookWar.url(DB);
        return GuestbookWar.xa("guestbook-xa", DB);
    }

    @ArquillianResource
    URL base;

    @Override
    Target target() {
        return new Target("xa", api(base, "guestbook-xa"), DB);
    }
}
