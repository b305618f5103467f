package dev.athanor.tck.server;

import org.jboss.arquillian.container.test.spi.TestDeployment;
import org.jboss.arquillian.container.test.spi.client.deployment.ProtocolArchiveProcessor;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.List;
import java.util.Set;

/**
 * Makes the TCK's deployments whole for an application server: in embedded Weld the test class path is the
 * application's, in a server only the WAR is. Adds to the WAR that the Servlet protocol built around a TCK archive
 * what an application would ship in {@code WEB-INF/lib}: Athanor and its dependencies, the JDBC drivers, and the
 * TCK's own classes (entities with their {@code META-INF/athanor/entities} index, {@code TestDatabase}, AssertJ).
 * The TCK's classes go in a jar whose {@code beans.xml} says {@code bean-discovery-mode="none"}: only the classes
 * each test puts in its archive are beans, exactly as in embedded Weld. The server provides CDI, JTA, MicroProfile
 * Config and Jakarta REST, so none of those are added.
 */
public final class ServerLibraries implements ProtocolArchiveProcessor {
    /** Jars of the test class path that an application using Athanor on PostgreSQL ships in WEB-INF/lib. */
    private static final List<String> SHIPPED = List.of("athanor-api-", "athanor-impl-", "athanor-cdi-",
            "agroal-api-", "agroal-pool-", "agroal-narayana-", "jboss-transaction-spi-", "jboss-logging-3", "byte-buddy-",
            "jackson-",
            "postgresql-", "h2-", "mariadb-java-client-", "assertj-core-");
    private static final Set<String> NOT_SHIPPED = Set.of("byte-buddy-agent-");

    @Override
    public void process(TestDeployment deployment, Archive<?> protocolArchive) {
        if (!(protocolArchive instanceof WebArchive war)) {
            return;
        }
        File testClasses = null;
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            String name = file.getName();
            if (file.isDirectory() && new File(file, "dev/athanor/tck").isDirectory()) {
                testClasses = file;
            } else if (file.isDirectory() && file.getParentFile() != null
                    && file.getParentFile().getParentFile() != null) {
                // a module of this reactor build (e.g. impl/target/classes): shipped as the jar it will become
                String module = file.getParentFile().getParentFile().getName();
                if (List.of("api", "impl", "cdi-extension").contains(module)) {
                    war.addAsLibrary(ShrinkWrap.create(JavaArchive.class, "athanor-" + module + "-" + name + ".jar")
                            .as(ExplodedImporter.class).importDirectory(file).as(JavaArchive.class));
                }
            } else if (name.endsWith(".jar") && SHIPPED.stream().anyMatch(name::startsWith)
                    && NOT_SHIPPED.stream().noneMatch(name::startsWith)) {
                war.addAsLibrary(file);
            }
        }
        if (testClasses != null) {
            JavaArchive tck = ShrinkWrap.create(JavaArchive.class, "athanor-tck-classes.jar");
            tck.as(ExplodedImporter.class).importDirectory(testClasses);
            tck.delete("META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension");
            tck.delete("arquillian.xml");
            tck.addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" "
                    + "version=\"4.0\" bean-discovery-mode=\"none\"/>"), "beans.xml");
            war.addAsLibrary(tck);
        }
    }
}
