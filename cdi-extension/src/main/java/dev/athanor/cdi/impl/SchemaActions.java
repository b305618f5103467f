package dev.athanor.cdi.impl;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.schema.Column;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.SqlType.Kind;
import dev.athanor.schema.Table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code athanor.schema-generation} at deployment: {@code create} (tables that are missing), {@code drop-and-create},
 * or {@code validate}, which compares the mapping with the schema reflected by the Core and lists every difference:
 * missing tables, missing columns, and columns whose type is of another family (text, number, date/time, binary)
 * than the mapping's. Finer type differences (VARCHAR(50) vs TEXT, INTEGER vs BIGINT) are not reported: databases
 * reflect the same declaration differently (MariaDB's BOOLEAN is a TINYINT).
 */
final class SchemaActions {
    private SchemaActions() {
    }

    static void run(DatabaseRuntime database) {
        Engine engine = database.engine();
        MetaData metadata = database.registry.metadata();
        switch (database.config.schemaGeneration()) {
            case NONE -> { }
            case CREATE -> metadata.createAll(engine);
            case DROP_AND_CREATE -> {
                metadata.dropAll(engine);
                metadata.createAll(engine);
            }
            case VALIDATE -> { } // see differences()
        }
    }

    /** The differences between the mapping and the database, one sentence each; empty when they match. */
    static List<String> differences(Registry registry, Engine engine) {
        Map<String, Class<?>> entityOf = new HashMap<>();
        for (Class<?> entity : registry.entities()) {
            entityOf.put(registry.table(entity).name(), entity);
        }
        List<String> differences = new ArrayList<>();
        for (Table mapped : registry.metadata().tables()) {
            String owner = entityOf.containsKey(mapped.name()) ? " (entity " + entityOf.get(mapped.name()).getName()
                    + ")" : "";
            Table reflected;
            try {
                reflected = Table.reflect(engine, mapped.name());
            } catch (ArgumentError e) {
                differences.add("table " + mapped.name() + owner + " does not exist");
                continue;
            }
            Map<String, Column<?>> columns = new HashMap<>();
            reflected.columns().forEach(c -> columns.put(c.name().toLowerCase(Locale.ROOT), c));
            for (Column<?> column : mapped.columns()) {
                Column<?> found = columns.get(column.name().toLowerCase(Locale.ROOT));
                if (found == null) {
                    differences.add("column " + mapped.name() + "." + column.name() + owner + " does not exist");
                } else if (!compatible(column.type().kind(), found.type().kind())) {
                    differences.add("column " + mapped.name() + "." + column.name() + owner + " is "
                            + found.type().kind() + " in the database, the mapping expects " + column.type().kind());
                }
            }
        }
        return differences;
    }

    private static boolean compatible(Kind mapped, Kind found) {
        String a = family(mapped);
        String b = family(found);
        return a == null || b == null || a.equals(b);
    }

    private static String family(Kind kind) {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, BOOLEAN -> "number";
            case VARCHAR, TEXT, ENUM, JSON, UUID -> "text";
            case DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "time";
            case BINARY, BLOB -> "binary";
            case NULL -> null;
        };
    }
}
