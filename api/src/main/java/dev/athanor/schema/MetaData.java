package dev.athanor.schema;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.spi.CoreServices;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collection of tables that know one another by name (SQLAlchemy's {@code MetaData}): foreign keys refer to tables
 * of the same metadata, and {@link #createAll(Engine)} / {@link #dropAll(Engine)} create and drop them in foreign key
 * order. Thread-safe for reading; tables are added while the schema is being declared.
 *
 * {@snippet :
 * MetaData metadata = new MetaData();
 * Table groups = metadata.table("groups", column("id", INTEGER).primaryKey(), column("name", varchar(50)));
 * Table users = metadata.table("users", column("id", INTEGER).primaryKey(),
 *         column("group_id", INTEGER).references("groups.id"));
 * metadata.createAll(engine);   // groups first, then users; existing tables are left alone
 * metadata.dropAll(engine);     // users first
 * }
 */
public final class MetaData {
    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * Declares a table of this metadata.
     *
     * @throws ArgumentError if a table of that name exists, or the elements do not fit together
     */
    public Table table(String name, TableElement... elements) {
        Table table = new Table(this, name, List.of(elements));
        synchronized (tables) {
            if (tables.containsKey(name)) {
                throw new ArgumentError("table '" + name + "' is already declared in this MetaData");
            }
            tables.put(name, table);
        }
        return table;
    }

    /** Adds a table made elsewhere (reflection); replaces one of the same name. */
    public Table addTable(String name, List<TableElement> elements) {
        Table table = new Table(this, name, elements);
        tables.put(name, table);
        return table;
    }

    /**
     * Adds a table declared in another MetaData (the ORM's registry gathers the tables of its mapped classes this
     * way); {@link Table#metadata()} stays the one that declared it.
     *
     * @throws ArgumentError if a different table of that name is here already
     */
    public Table include(Table table) {
        synchronized (tables) {
            Table existing = tables.get(table.name());
            if (existing != null && existing != table) {
                throw new ArgumentError("table '" + table.name() + "' is already declared in this MetaData");
            }
            tables.put(table.name(), table);
        }
        return table;
    }

    /**
     * The table with this name.
     *
     * @throws ArgumentError naming the tables there are, if none has it
     */
    public Table get(String name) {
        Table table = tables.get(name);
        if (table == null) {
            synchronized (tables) {
                for (Table candidate : tables.values()) {
                    if (candidate.name().equalsIgnoreCase(name)) {
                        return candidate;
                    }
                }
            }
            throw new ArgumentError("no table '" + name + "' in this MetaData; it has " + tables.keySet());
        }
        return table;
    }

    /** Whether a table of this name is declared. */
    public boolean contains(String name) {
        return tables.containsKey(name);
    }

    /** The tables in declaration order. */
    public List<Table> tables() {
        synchronized (tables) {
            return List.copyOf(tables.values());
        }
    }

    /**
     * The tables in foreign key order: a table after the tables it refers to. Tables in a cycle keep declaration
     * order; their foreign keys are then added after the tables exist ({@code ALTER TABLE ... ADD CONSTRAINT}).
     */
    public List<Table> sortedTables() {
        return CoreServices.sortByDependency(tables());
    }

    /** Creates every table that does not exist yet, in foreign key order, with indexes, in one transaction. */
    public void createAll(Engine engine) {
        createAll(engine, true);
    }

    /** As {@link #createAll(Engine)}; with {@code checkFirst} false, an existing table is an error. */
    public void createAll(Engine engine, boolean checkFirst) {
        engine.begin(conn -> createAll(conn, checkFirst));
    }

    /** As {@link #createAll(Engine)}, inside the connection's transaction (not committed here). */
    public void createAll(Connection connection) {
        createAll(connection, true);
    }

    public void createAll(Connection connection, boolean checkFirst) {
        CoreServices.get().createTables(this, tables(), connection, checkFirst);
    }

    /** Drops every table that exists, dependents first, in one transaction. */
    public void dropAll(Engine engine) {
        dropAll(engine, true);
    }

    public void dropAll(Engine engine, boolean checkFirst) {
        engine.begin(conn -> dropAll(conn, checkFirst));
    }

    public void dropAll(Connection connection) {
        dropAll(connection, true);
    }

    public void dropAll(Connection connection, boolean checkFirst) {
        CoreServices.get().dropTables(this, tables(), connection, checkFirst);
    }

    /** Reads every table of the database's current schema into this metadata (columns, keys, indexes). */
    public void reflect(Engine engine) {
        engine.begin(conn -> reflect(conn));
    }

    public void reflect(Connection connection) {
        CoreServices.get().reflect(this, connection, null);
    }

    /** Reads the named tables, and the tables they refer to, into this metadata. */
    public void reflect(Engine engine, Collection<String> tableNames) {
        engine.begin(conn -> CoreServices.get().reflect(this, conn, new ArrayList<>(tableNames)));
    }

    @Override
    public String toString() {
        return "MetaData" + tables.keySet();
    }
}
