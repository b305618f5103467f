package dev.athanor.tck.cdi;

import dev.athanor.testing.TestDatabase;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deployments that must fail (a bad entity, a missing key, a schema that does not match the mapping) or that shape
 * the schema ({@code schema-generation=create}); each is deployed by the test, which checks the message or the
 * database.
 */
@Tag("database")
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class DeploymentProblemsTest {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "bad-entity", managed = false)
    static JavaArchive badEntity() {
        Map<String, String> config = Tck.defaultDatabase("none");
        config.put("athanor.packages", "dev.athanor.tck.cdi.bad");
        return Tck.archive(config, Reports.class);
    }

    @Deployment(name = "missing-key", managed = false)
    static JavaArchive missingKey() {
        return Tck.archive(new LinkedHashMap<>(), Reports.class); // injects Session, configures nothing
    }

    @Deployment(name = "create", managed = false)
    static JavaArchive create() {
        return Tck.archive(Tck.defaultDatabase("create"), Reports.class);
    }

    @Deployment(name = "validate", managed = false)
    static JavaArchive validate() {
        return Tck.archive(Tck.defaultDatabase("validate"), Reports.class);
    }

    @Test
    void aBadEntityFailsTheDeploymentNamingClassAndField() {
        assertThatThrownBy(() -> deployer.deploy("bad-entity"))
                .hasStackTraceContaining("dev.athanor.tck.cdi.bad.Broken has no primary key")
                .hasStackTraceContaining("dev.athanor.tck.cdi.bad.Broken.worker: type java.lang.Thread has no SQL type");
    }

    @Test
    void aMissingDatasourceKeyFailsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> deployer.deploy("missing-key"))
                .hasStackTraceContaining("missing configuration key athanor.datasource.url")
                .hasStackTraceContaining("Reports.session");
    }

    @Test
    void createMakesTheTablesAndValidateAcceptsThem() throws Exception {
        TestDatabase db = TestDatabase.current();
        db.resetSchema();
        deployer.deploy("create");
        deployer.undeploy("create");
        assertThat(columns(db)).contains("id", "owner", "balance");
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO tck_accounts (owner, balance) VALUES ('kept', 1)");
        }
        deployer.deploy("validate"); // matches: deploys
        deployer.undeploy("validate");
        assertThat(db.countRows("tck_accounts")).isEqualTo(1); // validate changed nothing
    }

    @Test
    void validateFailsTheDeploymentListingTheDifferences() throws Exception {
        TestDatabase db = TestDatabase.current();
        db.resetSchema();
        try (Connection c = db.adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tck_accounts (id BIGINT PRIMARY KEY, owner INTEGER)");
        }
        assertThatThrownBy(() -> deployer.deploy("validate"))
                .hasStackTraceContaining("does not match the mapping")
                .hasStackTraceContaining("2 differences")
                .hasStackTraceContaining("column tck_accounts.owner (entity dev.athanor.tck.cdi.model.Account) is "
                        + "INTEGER in the database, the mapping expects VARCHAR")
                .hasStackTraceContaining("column tck_accounts.balance (entity dev.athanor.tck.cdi.model.Account) "
                        + "does not exist");
        db.resetSchema();
    }

    private static java.util.List<String> columns(TestDatabase db) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = db.adminConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM tck_accounts")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }
}
