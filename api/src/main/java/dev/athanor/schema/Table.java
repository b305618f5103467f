package dev.athanor.schema;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.spi.CoreServices;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.TableAlias;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A table of a {@link MetaData}: columns, primary key, foreign keys, unique and check constraints, indexes. Made by
 * {@link MetaData#table(String, TableElement...)}; immutable once made.
 *
 * {@snippet :
 * MetaData metadata = new MetaData();
 * Table users = metadata.table("users",
 *         column("id", INTEGER).primaryKey(),
 *         column("name", varchar(30)).index(),
 *         column("group_id", INTEGER).references("groups.id"));
 * users.create(engine);
 * conn.execute(select(users).where(users.c("name").eq("ada")));
 * }
 */
public final class Table implements FromClause {
    private final MetaData metadata;
    private final String name;
    private final List<Column<?>> columns;
    private final List<Column<?>> primaryKey;
    private final List<ForeignKey> foreignKeys;
    private final List<UniqueConstraint> uniqueConstraints;
    private final List<CheckConstraint> checkConstraints;
    private final List<Index> indexes;

    Table(MetaData metadata, String name, List<TableElement> elements) {
        if (name == null || name.isBlank()) {
            throw new ArgumentError("a table needs a name");
        }
        this.metadata = metadata;
        this.name = name;
        List<Column<?>> cols = new ArrayList<>();
        List<String> pkNames = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<Index> idx = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        PrimaryKeyConstraint composite = null;
        for (TableElement element : elements) {
            if (element instanceof ColumnDef<?> def) {
                if (!seen.add(def.name().toLowerCase(Locale.ROOT))) {
                    throw new ArgumentError("table '" + name + "' declares column '" + def.name() + "' twice");
                }
                cols.add(Column.of(this, def));
                if (def.isPrimaryKey()) {
                    pkNames.add(def.name());
                }
                if (def.references() != null) {
                    String[] target = ForeignKey.parseTarget(def.references());
                    fks.add(new ForeignKey(null, List.of(def.name()), target[0], List.of(target[1]), def.onDelete(),
                            def.onUpdate()));
                }
                if (def.isUnique()) {
                    uniques.add(new UniqueConstraint(null, List.of(def.name())));
                }
                if (def.isIndexed()) {
                    idx.add(new Index("ix_" + name + "_" + def.name(), List.of(def.name()), false));
                }
            } else if (element instanceof PrimaryKeyConstraint pk) {
                composite = pk;
            } else if (element instanceof ForeignKey fk) {
                fks.add(fk);
            } else if (element instanceof UniqueConstraint unique) {
                uniques.add(unique);
            } else if (element instanceof CheckConstraint check) {
                checks.add(check);
            } else if (element instanceof Index index) {
                idx.add(index);
            } else if (element != null) {
                throw new ArgumentError("table '" + name + "': unknown element " + element);
            }
        }
        this.columns = List.copyOf(cols);
        if (composite != null) {
            if (!pkNames.isEmpty()) {
                throw new ArgumentError("table '" + name + "' has primaryKey() on column(s) " + pkNames
                        + " and a primaryKey(" + composite.columns() + ") constraint; use one of them");
            }
            pkNames = composite.columns();
        }
        List<Column<?>> pk = new ArrayList<>();
        for (String pkName : pkNames) {
            pk.add(c(pkName));
        }
        this.primaryKey = List.copyOf(pk);
        this.foreignKeys = List.copyOf(fks);
        this.uniqueConstraints = List.copyOf(uniques);
        this.checkConstraints = List.copyOf(checks);
        this.indexes = List.copyOf(idx);
        // loops, not lambdas: every lambda is a class spun on first use, paid by a fresh JVM's boot
        for (ForeignKey fk : fks) {
            for (String column : fk.columns()) {
                c(column);
            }
        }
        for (UniqueConstraint unique : uniques) {
            for (String column : unique.columns()) {
                c(column);
            }
        }
        for (Index index : idx) {
            for (String column : index.columns()) {
                c(column);
            }
        }
    }

    @Override
    public String name() {
        return name;
    }

    public MetaData metadata() {
        return metadata;
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }

    /** The primary key columns, in key order; empty if the table has none. */
    public List<Column<?>> primaryKey() {
        return primaryKey;
    }

    public List<ForeignKey> foreignKeys() {
        return foreignKeys;
    }

    public List<UniqueConstraint> uniqueConstraints() {
        return uniqueConstraints;
    }

    public List<CheckConstraint> checkConstraints() {
        return checkConstraints;
    }

    public List<Index> indexes() {
        return indexes;
    }

    /** The names of the tables this one refers to by foreign key (itself included, for a self-reference). */
    public Set<String> referencedTables() {
        Set<String> names = new LinkedHashSet<>();
        for (ForeignKey fk : foreignKeys) {
            names.add(fk.targetTable());
        }
        return names;
    }

    /** This table under another name in a statement ({@code users AS u}). */
    public TableAlias alias(String aliasName) {
        return new TableAlias(this, aliasName);
    }

    /** {@code CREATE TABLE} (with its indexes) unless it exists. */
    public void create(Engine engine) {
        engine.begin(conn -> create(conn));
    }

    /** As {@link #create(Engine)}, inside the connection's transaction. */
    public void create(Connection connection) {
        CoreServices.get().createTables(metadata, List.of(this), connection, true);
    }

    /** {@code DROP TABLE} if it exists. */
    public void drop(Engine engine) {
        engine.begin(conn -> drop(conn));
    }

    /** As {@link #drop(Engine)}, inside the connection's transaction. */
    public void drop(Connection connection) {
        CoreServices.get().dropTables(metadata, List.of(this), connection, true);
    }

    /**
     * Reads a table's definition from the database (columns, types, keys, indexes) into a new {@link MetaData},
     * with the tables it refers to by foreign key.
     */
    public static Table reflect(Engine engine, String name) {
        MetaData reflected = new MetaData();
        engine.begin(conn -> CoreServices.get().reflect(reflected, conn, List.of(name)));
        return reflected.get(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
