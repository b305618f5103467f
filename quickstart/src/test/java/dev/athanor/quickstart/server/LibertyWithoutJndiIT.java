package dev.athanor.quickstart.server;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Issue 12's defect on the server where it was found: Open Liberty without {@code jndi-1.0} runs
 * {@code @Transactional} methods in its own JTA transactions, but its transaction registry cannot be looked up.
 * The quickstart WAR, unchanged, must fail its deployment naming what is missing and the fix, rather than deploy and
 * roll back every write at the end of each request. Run by the liberty profile's own execution.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class LibertyWithoutJndiIT {

    @Deployment(name = "guestbook", managed = false, testable = false)
    static WebArchive guestbook() {
        File built = new File(System.getProperty("quickstart.war", "target/athanor-quickstart-0.1.0-SNAPSHOT.war"));
        return ShrinkWrap.create(ZipImporter.class, "guestbook.war").importFrom(built).as(WebArchive.class);
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void theDeploymentFailsNamingTheRegistryAndTheJndiFeature() throws Exception {
        Path log = Path.of(System.getProperty("athanor.server.log"));
        long before = Files.exists(log) ? Files.size(log) : 0;
        Throwable failure = catchThrowable(() -> deployer.deploy("guestbook"));
        assertThat(failure).as("deploying the guestbook on Liberty without jndi-1.0").isNotNull();
        // the adapter keeps only the first line of the server's message: the rest is in messages.log
        String logged = Files.readString(log).substring((int) Math.min(before, Files.size(log)));
        assertThat(logged).contains("cannot reach the TransactionSynchronizationRegistry")
                .contains("add <feature>jndi-1.0</feature>")
                .contains("athanor.transactions=resource-local")
                .doesNotContain("Signed 2 entries");
    }
}
