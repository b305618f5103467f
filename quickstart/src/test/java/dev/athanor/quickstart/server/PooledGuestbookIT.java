package dev.athanor.quickstart.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The guestbook with Athanor's own Agroal pool, enlisted in the server's transaction manager; also the
 * MicroProfile Config overrides and the WAR whose broken entity must fail its deployment.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class PooledGuestbookIT extends GuestbookServerCases {
    private static final String DB = GuestbookWar.database("_pool");

    @Deployment(name = "pool", testable = false)
    static WebArchive pool() {
        return GuestbookWar.pooled("guestbook-pool", DB);
    }

    @Deployment(name = "broken", managed = false, testable = false)
    static WebArchive broken() {
        return GuestbookWar.broken("guestbook-broken", DB);
    }

    @ArquillianResource
    @OperateOnDeployment("pool")
    URL base;

    @ArquillianResource
    Deployer deployer;

    @Override
    Target target() {
        return new Target("pool", api(base, "guestbook-pool"), DB);
    }

    @Test
    void environmentAndSystemPropertiesOverrideTheWarsConfiguration() throws Exception {
        String overridden = System.getProperty("athanor.server.config-overrides");
        org.junit.jupiter.api.Assumptions.assumeTrue(overridden != null,
                "MicroProfile Config overrides are checked on the server whose profile sets them");
        // the WAR says pool.size=2, max-overflow=2; ATHANOR_POOL_SIZE=3 (environment) and
        // -Dathanor.pool.max-overflow=5 (system property) are given to the server
        JsonNode pool = JSON.readTree(get(target().api() + "/pool").body());
        assertThat(pool.get("maxSize").asLong()).as(pool.toString()).isEqualTo(8);
    }

    @Test
    void aBrokenEntityFailsTheDeploymentNamingClassAndField() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                "unsupported".equals(System.getProperty("athanor.server.failed-deployments")),
                "this server's Arquillian adapter cannot report a failed deployment (see the README's server table)");
        String log = System.getProperty("athanor.server.log");
        long logged = log == null ? 0 : Files.size(Path.of(log));
        Throwable failure = catchThrowable(() -> deployer.deploy("broken"));
        assertThat(failure).as("the deployment of a WAR with a broken entity").isNotNull();
        // Open Liberty's adapter keeps only the first line of the server's message; the server log has all of it
        String reported = log == null ? stackTrace(failure) : stackTrace(failure) + Files.readString(Path.of(log))
                .substring((int) Math.min(logged, Files.size(Path.of(log))));
        assertThat(reported).contains("dev.athanor.quickstart.server.broken.BrokenEntry")
                .contains("BrokenEntry.worker: type java.lang.Thread has no SQL type");
    }

    private static String stackTrace(Throwable failure) {
        java.io.StringWriter text = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }

}
