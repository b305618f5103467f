package dev.athanor.cdi.impl;

import dev.athanor.cdi.impl.DatabaseConfig.SchemaGeneration;
import dev.athanor.cdi.impl.DatabaseConfig.TransactionMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration keys as the extension reads them, from a real SmallRye Config. */
class ConfigReaderTest {

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    @Test
    void readsEveryKeyOfTheDefaultAndOfANamedDatabase() {
        ConfigReader reader = new ConfigReader(config(Map.ofEntries(
                Map.entry("athanor.datasource.url", "jdbc:h2:mem:a"),
                Map.entry("athanor.datasource.username", "sa"),
                Map.entry("athanor.datasource.password", "pw"),
                Map.entry("athanor.pool.size", "3"),
                Map.entry("athanor.pool.max-overflow", "0"),
                Map.entry("athanor.pool.timeout", "PT2S"),
                Map.entry("athanor.pool.recycle", "1h"),
                Map.entry("athanor.pool.statement-cache-size", "20"),
                Map.entry("athanor.echo", "true"),
                Map.entry("athanor.schema-generation", "drop-and-create"),
                Map.entry("athanor.packages", "com.example.a, com.example.b"),
                Map.entry("athanor.\"orders\".datasource.jndi-name", "java:comp/DefaultDataSource"),
                Map.entry("athanor.\"orders\".packages", "com.example.orders"),
                Map.entry("athanor.\"orders\".transactions", "resource-local"),
                Map.entry("athanor.test.db", "h2"))));   // not a key of the extension: ignored
        assertThat(reader.scan()).containsExactly("", "orders");
        DatabaseConfig main = reader.read("");
        assertThat(reader.problems()).isEmpty();
        assertThat(main).isEqualTo(new DatabaseConfig("", "jdbc:h2:mem:a", "sa", "pw", null, 3, 0,
                Duration.ofSeconds(2), Duration.ofHours(1), true, SchemaGeneration.DROP_AND_CREATE,
                List.of("com.example.a", "com.example.b"), TransactionMode.AUTO, false, List.of(), null, null, 20));
        DatabaseConfig orders = reader.read("orders");
        assertThat(orders.jndiName()).isEqualTo("java:comp/DefaultDataSource");
        assertThat(orders.url()).isNull();
        assertThat(orders.schemaGeneration()).isEqualTo(SchemaGeneration.NONE);
        assertThat(orders.transactions()).isEqualTo(TransactionMode.RESOURCE_LOCAL);
        assertThat(orders.packageMatch("com.example.orders.model")).isEqualTo("com.example.orders".length());
        assertThat(orders.packageMatch("com.example.ordersx")).isEqualTo(-1);
        assertThat(orders.key("pool.size")).isEqualTo("athanor.\"orders\".pool.size");
    }

    @Test
    void readsReplicasAndRejectsThemOverAServerDataSource() {
        ConfigReader reader = new ConfigReader(config(Map.of(
                "athanor.datasource.url", "postgresql://db1/app",
                "athanor.datasource.replicas", "postgresql://db2/app, postgresql://db3/app",
                "athanor.datasource.replica-max-lag", "2s",
                "athanor.datasource.replica-check-interval", "250ms",
                "athanor.\"legacy\".datasource.jndi-name", "java:comp/DefaultDataSource",
                "athanor.\"legacy\".datasource.replicas", "postgresql://db4/app")));
        assertThat(reader.scan()).containsExactly("", "legacy");
        DatabaseConfig main = reader.read("");
        assertThat(main.replicas()).containsExactly("postgresql://db2/app", "postgresql://db3/app");
        assertThat(main.replicaMaxLag()).isEqualTo(Duration.ofSeconds(2));
        assertThat(main.replicaCheckInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(reader.read("legacy")).isNull();
        assertThat(reader.problems()).singleElement().asString()
                .contains("athanor.\"legacy\".datasource.replicas").contains("datasource.url");
    }

    @Test
    void everyProblemNamesItsKey() {
        ConfigReader reader = new ConfigReader(config(Map.of(
                "athanor.pool.size", "-1",
                "athanor.pool.timeout", "soon",
                "athanor.echo", "maybe",
                "athanor.schema-generation", "update",
                "athanor.transactions", "xa",
                "athanor.datasource.user", "sa",
                "athanor.\"broken.datasource.url", "x",
                "athanor.\"reports\".pool.size", "2")));
        assertThat(reader.scan()).containsExactly("", "reports");
        assertThat(reader.read("")).isNull();
        assertThat(reader.read("reports")).isNull();
        assertThat(reader.problems()).containsExactlyInAnyOrder(
                "configuration key athanor.pool.size is '-1'; expected a whole number, 0 or more",
                "configuration key athanor.pool.timeout is 'soon'; expected a positive duration such as PT30S, 30s, "
                        + "500ms, 10m or 1h",
                "configuration key athanor.echo is 'maybe'; expected true or false",
                "configuration key athanor.schema-generation is 'update'; expected none, create, drop-and-create or "
                        + "validate",
                "configuration key athanor.transactions is 'xa'; expected auto, jta or resource-local",
                "unknown configuration key athanor.datasource.user; the keys after athanor. are datasource.jndi-name, "
                        + "datasource.password, datasource.replica-check-interval, datasource.replica-max-lag, "
                        + "datasource.replicas, datasource.url, datasource.username, datasource.xa, echo, packages, "
                        + "pool.max-overflow, pool.recycle, pool.size, pool.statement-cache-size, pool.timeout, "
                        + "schema-generation, transactions",
                "configuration key athanor.\"broken.datasource.url is malformed: a named database's keys look like "
                        + "athanor.\"name\".datasource.url",
                "missing configuration key athanor.datasource.url (or athanor.datasource.jndi-name for a server "
                        + "DataSource)",
                "missing configuration key athanor.\"reports\".datasource.url (or athanor.\"reports\".datasource."
                        + "jndi-name for a server DataSource): @Database(\"reports\") is used or configured");
    }

    @Test
    void xaPerDatabaseAndNotWithAServerDataSource() {
        ConfigReader reader = new ConfigReader(config(Map.of(
                "athanor.datasource.url", "jdbc:h2:mem:a",
                "athanor.datasource.xa", "true",
                "athanor.\"ledger\".datasource.url", "jdbc:h2:mem:b",
                "athanor.\"server\".datasource.jndi-name", "java:comp/DefaultDataSource",
                "athanor.\"server\".datasource.xa", "yes")));
        assertThat(reader.scan()).containsExactly("", "ledger", "server");
        assertThat(reader.read("").xa()).isTrue();
        assertThat(reader.read("ledger").xa()).isFalse();
        assertThat(reader.read("server")).isNull();
        assertThat(reader.problems()).containsExactly("configuration key athanor.\"server\".datasource.xa is true, but "
                + "athanor.\"server\".datasource.jndi-name names a server DataSource, whose XA support the server "
                + "configures; use one of them");
    }

    @Test
    void durationsInIsoOrWithAUnit() {
        assertThat(ConfigReader.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(ConfigReader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigReader.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigReader.parseDuration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(ConfigReader.parseDuration("45")).isEqualTo(Duration.ofSeconds(45));
    }
}
