package dev.athanor.cdi.impl;

import dev.athanor.cdi.impl.DatabaseConfig.SchemaGeneration;
import dev.athanor.cdi.impl.DatabaseConfig.TransactionMode;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the {@code athanor.*} keys of MicroProfile Config into one {@link DatabaseConfig} per database. Every problem
 * (an unknown key under a known prefix, a value that does not parse, a missing URL) is collected with the key it is
 * about, so that a deployment reports them all at once.
 *
 * <p>Keys of the default database: {@code athanor.datasource.url|username|password|jndi-name},
 * {@code athanor.pool.size|max-overflow|timeout|recycle|statement-cache-size}, {@code athanor.echo}, {@code athanor.schema-generation},
 * {@code athanor.packages}, {@code athanor.transactions}, {@code athanor.datasource.xa},
 * {@code athanor.datasource.replicas} (comma-separated URLs of read replicas),
 * {@code athanor.datasource.replica-max-lag|replica-check-interval}. A named database uses the same
 * keys after {@code athanor."name".}. Other keys that
 * start with {@code athanor.} and have a second dot outside these prefixes (such as a build's
 * {@code athanor.test.db}) are not Athanor's and are left alone.
 */
final class ConfigReader {
    static final String PREFIX = "athanor.";
    static final Set<String> KEYS = Set.of("datasource.url", "datasource.username", "datasource.password",
            "datasource.jndi-name", "pool.size", "pool.max-overflow", "pool.timeout", "pool.recycle",
            "pool.statement-cache-size", "echo",
            "schema-generation", "packages", "transactions", "datasource.xa", "datasource.replicas",
            "datasource.replica-max-lag", "datasource.replica-check-interval");

    private final Config config;
    private final List<String> problems = new ArrayList<>();
    /** Database name -> the keys seen for it. */
    private final Map<String, Set<String>> seen = new TreeMap<>();

    ConfigReader(Config config) {
        this.config = config;
    }

    /** {@code athanor.<suffix>} for the default database, {@code athanor."name".<suffix>} for a named one. */
    static String key(String database, String suffix) {
        return database.isEmpty() ? PREFIX + suffix : PREFIX + "\"" + database + "\"." + suffix;
    }

    /** The problems found so far, each naming its key. */
    List<String> problems() {
        return problems;
    }

    /** The names of the databases that have at least one key ({@code ""}: the default one). */
    Set<String> scan() {
        for (String property : config.getPropertyNames()) {
            if (!property.startsWith(PREFIX)) {
                continue;
            }
            String rest = property.substring(PREFIX.length());
            String database = "";
            if (rest.startsWith("\"")) {
                int end = rest.indexOf('"', 1);
                if (end < 2 || end + 1 >= rest.length() || rest.charAt(end + 1) != '.') {
                    problems.add("configuration key " + property + " is malformed: a named database's keys look like "
                            + "athanor.\"name\".datasource.url");
                    continue;
                }
                database = rest.substring(1, end);
                rest = rest.substring(end + 2);
            } else if (rest.indexOf('.') >= 0 && !rest.startsWith("datasource.") && !rest.startsWith("pool.")) {
                continue; // athanor.something.else: not a key of this extension
            }
            if (!KEYS.contains(rest)) {
                problems.add("unknown configuration key " + property + "; the keys after " + key(database, "")
                        + " are " + String.join(", ", new TreeSet<>(KEYS)));
                continue;
            }
            seen.computeIfAbsent(database, k -> new TreeSet<>()).add(rest);
        }
        return seen.keySet();
    }

    /** Reads one database's keys; null (with problems recorded) if it cannot be used. */
    DatabaseConfig read(String database) {
        int before = problems.size();
        String url = string(database, "datasource.url");
        String jndiName = string(database, "datasource.jndi-name");
        if (url == null && jndiName == null) {
            problems.add("missing configuration key " + key(database, "datasource.url") + " (or "
                    + key(database, "datasource.jndi-name") + " for a server DataSource)"
                    + (database.isEmpty() ? "" : ": @Database(\"" + database + "\") is used or configured"));
        }
        Integer poolSize = integer(database, "pool.size");
        Integer maxOverflow = integer(database, "pool.max-overflow");
        Duration timeout = duration(database, "pool.timeout");
        Duration recycle = duration(database, "pool.recycle");
        Integer statementCacheSize = integer(database, "pool.statement-cache-size");
        boolean echo = bool(database, "echo");
        SchemaGeneration generation = SchemaGeneration.NONE;
        String generationText = string(database, "schema-generation");
        if (generationText != null) {
            generation = SchemaGeneration.parse(generationText);
            if (generation == null) {
                problems.add("configuration key " + key(database, "schema-generation") + " is '" + generationText
                        + "'; expected none, create, drop-and-create or validate");
            }
        }
        TransactionMode transactions = TransactionMode.AUTO;
        String transactionsText = string(database, "transactions");
        if (transactionsText != null) {
            transactions = TransactionMode.parse(transactionsText);
            if (transactions == null) {
                problems.add("configuration key " + key(database, "transactions") + " is '" + transactionsText
                        + "'; expected auto, jta or resource-local");
            }
        }
        List<String> packages = list(database, "packages");
        boolean xa = bool(database, "datasource.xa");
        if (xa && jndiName != null) {
            problems.add("configuration key " + key(database, "datasource.xa") + " is true, but "
                    + key(database, "datasource.jndi-name") + " names a server DataSource, whose XA support the server "
                    + "configures; use one of them");
        }
        List<String> replicas = list(database, "datasource.replicas");
        if (!replicas.isEmpty() && jndiName != null) {
            problems.add("configuration key " + key(database, "datasource.replicas") + " needs "
                    + key(database, "datasource.url") + ": with " + key(database, "datasource.jndi-name")
                    + " the server pools the primary and Athanor cannot route to replicas");
        }
        if (!replicas.isEmpty() && xa) {
            // a replica's pool is not an XA resource: reads routed to it would run outside the JTA transaction
            problems.add("configuration keys " + key(database, "datasource.xa") + "=true and "
                    + key(database, "datasource.replicas") + " cannot be combined: read-replica routing is not "
                    + "supported for an XA pool (reads routed to a replica would not be part of the JTA "
                    + "transaction); configure the replicas as a database of their own, or drop one of the keys");
        }
        Duration replicaMaxLag = duration(database, "datasource.replica-max-lag");
        Duration replicaCheckInterval = duration(database, "datasource.replica-check-interval");
        if (problems.size() > before) {
            return null;
        }
        return new DatabaseConfig(database, url, string(database, "datasource.username"),
                string(database, "datasource.password"), jndiName, poolSize, maxOverflow, timeout, recycle, echo,
                generation, packages, transactions, xa, replicas, replicaMaxLag, replicaCheckInterval,
                statementCacheSize);
    }

    /** A comma-separated value, trimmed, empty items left out. */
    private List<String> list(String database, String suffix) {
        String text = string(database, suffix);
        return text == null ? List.of()
                : Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String string(String database, String suffix) {
        Optional<String> value = config.getOptionalValue(key(database, suffix), String.class);
        return value.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private Integer integer(String database, String suffix) {
        String text = string(database, suffix);
        if (text == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add("configuration key " + key(database, suffix) + " is '" + text
                    + "'; expected a whole number, 0 or more");
            return null;
        }
    }

    private boolean bool(String database, String suffix) {
        String text = string(database, suffix);
        if (text == null) {
            return false;
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> {
                problems.add("configuration key " + key(database, suffix) + " is '" + text + "'; expected true or false");
                yield false;
            }
        };
    }

    /** ISO-8601 ({@code PT30S}), or a number with an optional unit: {@code 30}, {@code 30s}, {@code 500ms}, {@code 1h}. */
    private Duration duration(String database, String suffix) {
        String text = string(database, suffix);
        if (text == null) {
            return null;
        }
        try {
            Duration value = parseDuration(text);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (RuntimeException e) {
            problems.add("configuration key " + key(database, suffix) + " is '" + text
                    + "'; expected a positive duration such as PT30S, 30s, 500ms, 10m or 1h");
            return null;
        }
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e);
            }
        }
        Map<String, java.time.temporal.ChronoUnit> units = new LinkedHashMap<>();
        units.put("ms", java.time.temporal.ChronoUnit.MILLIS);
        units.put("s", java.time.temporal.ChronoUnit.SECONDS);
        units.put("m", java.time.temporal.ChronoUnit.MINUTES);
        units.put("h", java.time.temporal.ChronoUnit.HOURS);
        for (Map.Entry<String, java.time.temporal.ChronoUnit> unit : units.entrySet()) {
            if (t.endsWith(unit.getKey())) {
                return Duration.of(Long.parseLong(t.substring(0, t.length() - unit.getKey().length()).trim()),
                        unit.getValue());
            }
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }
}
