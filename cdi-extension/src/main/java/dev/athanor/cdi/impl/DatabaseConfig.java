package dev.athanor.cdi.impl;

import java.time.Duration;
import java.util.List;

/**
 * One database's settings as read from MicroProfile Config (see {@link ConfigReader} for the keys).
 *
 * @param name             {@code ""} for the default database
 * @param url              the database URL (JDBC or SQLAlchemy style), or null with a JNDI name
 * @param jndiName         the server DataSource's JNDI name, or null
 * @param packages         packages whose entities go to this database; empty: no package rule
 * @param transactions     whether Sessions join the container's JTA transactions ({@code athanor.transactions})
 * @param xa               an XA pool ({@code datasource.xa}): connections are XA branches of the JTA transaction
 * @param replicas         URLs of read replicas; empty: none
 * @param replicaMaxLag    replay lag beyond which a replica is skipped, or null for the default
 * @param replicaCheckInterval time between health checks of a replica, or null for the default
 * @param statementCacheSize prepared statements kept per pooled connection ({@code pool.statement-cache-size}), or
 *                         null for the default
 */
record DatabaseConfig(String name, String url, String username, String password, String jndiName, Integer poolSize,
        Integer maxOverflow, Duration poolTimeout, Duration poolRecycle, boolean echo, SchemaGeneration schemaGeneration,
        List<String> packages, TransactionMode transactions, boolean xa, List<String> replicas, Duration replicaMaxLag, Duration replicaCheckInterval,
        Integer statementCacheSize) {

    /** The configuration key {@code athanor.<suffix>} or {@code athanor."name".<suffix>} of this database. */
    String key(String suffix) {
        return ConfigReader.key(name, suffix);
    }

    /** For messages: "the default database" or "database \"orders\"". */
    String describe() {
        return name.isEmpty() ? "the default database" : "database \"" + name + "\"";
    }

    /** Whether an entity of this package belongs here by the {@code packages} rule (longest prefix wins elsewhere). */
    int packageMatch(String packageName) {
        int best = -1;
        for (String p : packages) {
            if (packageName.equals(p) || packageName.startsWith(p + ".")) {
                best = Math.max(best, p.length());
            }
        }
        return best;
    }

    /** What {@code athanor.schema-generation} does when the application starts. */
    enum SchemaGeneration {
        NONE("none"), CREATE("create"), DROP_AND_CREATE("drop-and-create"), VALIDATE("validate");

        final String text;

        SchemaGeneration(String text) {
            this.text = text;
        }

        static SchemaGeneration parse(String text) {
            for (SchemaGeneration value : values()) {
                if (value.text.equalsIgnoreCase(text.trim())) {
                    return value;
                }
            }
            return null;
        }
    }

    /**
     * {@code athanor.transactions}: {@code auto} joins the container's JTA transactions when it has a transaction
     * manager (and fails the deployment when it has one that Athanor cannot reach); {@code jta} requires them;
     * {@code resource-local} never joins them (every Session commits itself, as in SE).
     */
    enum TransactionMode {
        AUTO("auto"), JTA("jta"), RESOURCE_LOCAL("resource-local");

        final String text;

        TransactionMode(String text) {
            this.text = text;
        }

        static TransactionMode parse(String text) {
            for (TransactionMode value : values()) {
                if (value.text.equalsIgnoreCase(text.trim())) {
                    return value;
                }
            }
            return null;
        }
    }
}
