package dev.athanor.impl.schema;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.impl.engine.RawSqlExecutor;
import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.Index;
import dev.athanor.schema.Table;
import dev.athanor.spi.CoreServices;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates and drops tables in foreign key order on an Athanor connection (SQLAlchemy's {@code create_all} /
 * {@code drop_all}). A foreign key that points at a table created later (a cycle) is added with ALTER TABLE once both
 * exist, and dropped first before the tables are dropped.
 */
final class SchemaRunner {
    private final Connection connection;
    private final RawSqlExecutor executor;
    private final Dialect dialect;
    private final DdlCompiler ddl;

    SchemaRunner(Connection connection) {
        if (!(connection instanceof RawSqlExecutor raw)) {
            throw new ArgumentError("schema operations need a connection of athanor-impl, got " + connection.getClass());
        }
        this.connection = connection;
        this.executor = raw;
        this.dialect = raw.dialect();
        this.ddl = new DdlCompiler(dialect);
    }

    void create(List<Table> tables, boolean checkFirst) {
        List<Table> sorted = CoreServices.sortByDependency(tables);
        Set<String> available = new HashSet<>();
        List<Table> created = new ArrayList<>();
        for (Table table : sorted) {
            if (checkFirst && exists(table.name())) {
                available.add(table.name());
                continue;
            }
            executor.executeRaw(ddl.createTable(table, available));
            for (Index index : table.indexes()) {
                executor.executeRaw(ddl.createIndex(table, index));
            }
            available.add(table.name());
            created.add(table);
        }
        Set<String> before = new HashSet<>();
        for (Table table : sorted) {
            for (ForeignKey fk : table.foreignKeys()) {
                boolean inline = before.contains(fk.targetTable()) || fk.targetTable().equals(table.name());
                if (!inline && created.contains(table)) {
                    executor.executeRaw(ddl.addForeignKey(table, fk));
                }
            }
            before.add(table.name());
        }
    }

    void drop(List<Table> tables, boolean checkFirst) {
        List<Table> sorted = CoreServices.sortByDependency(tables);
        List<Table> reversed = new ArrayList<>(sorted);
        java.util.Collections.reverse(reversed);
        List<Table> existing = new ArrayList<>();
        for (Table table : reversed) {
            if (!checkFirst || exists(table.name())) {
                existing.add(table);
            }
        }
        // Foreign keys that close a cycle go first, so that each table can then be dropped.
        Set<String> before = new HashSet<>();
        for (Table table : sorted) {
            for (ForeignKey fk : table.foreignKeys()) {
                boolean cycle = !before.contains(fk.targetTable()) && !fk.targetTable().equals(table.name())
                        && tables.stream().anyMatch(t -> t.name().equals(fk.targetTable()));
                if (cycle && existing.contains(table)) {
                    executor.executeRaw(ddl.dropForeignKey(table, fk));
                }
            }
            before.add(table.name());
        }
        for (Table table : existing) {
            executor.executeRaw(ddl.dropTable(table));
        }
    }

    /** Whether a table exists in the connection's current schema (names compared as the database folds them). */
    boolean exists(String name) {
        try {
            java.sql.Connection jdbc = connection.unwrap(java.sql.Connection.class);
            DatabaseMetaData meta = jdbc.getMetaData();
            for (String candidate : new String[] {name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)}) {
                try (ResultSet rs = meta.getTables(jdbc.getCatalog(), schemaOf(jdbc), candidate,
                        new String[] {"TABLE", "BASE TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new dev.athanor.OperationalError("cannot read the database's tables: " + e.getMessage(), null, null,
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** The schema to look in: the current one (MariaDB has none: its catalog is the database). */
    static String schemaOf(java.sql.Connection jdbc) throws SQLException {
        String schema = jdbc.getSchema();
        return schema == null || schema.isEmpty() ? null : schema;
    }
}
