package dev.athanor.schema;

import dev.athanor.ArgumentError;

/**
 * The definition of a column, given to {@link MetaData#table(String, TableElement...)}; made by
 * {@link Schema#column(String, SqlType)}. Immutable: each method returns a new definition.
 *
 * {@snippet :
 * column("id", INTEGER).primaryKey();                       // auto-increment (identity) by default
 * column("email", varchar(120)).nullable(false).unique();
 * column("group_id", INTEGER).references("groups.id").onDelete(ReferentialAction.SET_NULL);
 * column("created", TIMESTAMP).serverDefault("CURRENT_TIMESTAMP");
 * }
 *
 * @param <T> the Java type of values
 */
public final class ColumnDef<T> implements TableElement {
    private final String name;
    private final SqlType<T> type;
    private final boolean primaryKey;
    private final Boolean autoincrement;
    private final Boolean nullable;
    private final boolean unique;
    private final boolean index;
    private final String serverDefault;
    private final String references;
    private final ReferentialAction onDelete;
    private final ReferentialAction onUpdate;

    ColumnDef(String name, SqlType<T> type, boolean primaryKey, Boolean autoincrement, Boolean nullable, boolean unique, boolean index, String serverDefault, String references, ReferentialAction onDelete, ReferentialAction onUpdate) {
        if (name == null || name.isBlank()) {
            throw new ArgumentError("a column needs a name");
        }
        if (type == null) {
            throw new ArgumentError("column '" + name + "' needs a type");
        }
        this.name = name;
        this.type = type;
        this.primaryKey = primaryKey;
        this.autoincrement = autoincrement;
        this.nullable = nullable;
        this.unique = unique;
        this.index = index;
        this.serverDefault = serverDefault;
        this.references = references;
        this.onDelete = onDelete;
        this.onUpdate = onUpdate;
    }

    public ColumnDef<T> primaryKey() {
        return new ColumnDef<>(name, type, true, autoincrement, nullable, unique, index, serverDefault, references, onDelete, onUpdate);
    }

    /** Whether the database generates the value (default: yes for a single integer primary key). */
    public ColumnDef<T> autoincrement(boolean value) {
        return new ColumnDef<>(name, type, primaryKey, value, nullable, unique, index, serverDefault, references, onDelete, onUpdate);
    }

    public ColumnDef<T> nullable(boolean value) {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, value, unique, index, serverDefault, references, onDelete, onUpdate);
    }

    public ColumnDef<T> unique() {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, true, index, serverDefault, references, onDelete, onUpdate);
    }

    /** A single-column index named {@code ix_<table>_<column>}. */
    public ColumnDef<T> index() {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, unique, true, serverDefault, references, onDelete, onUpdate);
    }

    /** A DEFAULT clause, as SQL text ({@code "CURRENT_TIMESTAMP"}, {@code "0"}, {@code "'new'"}). */
    public ColumnDef<T> serverDefault(String sql) {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, unique, index, sql, references, onDelete, onUpdate);
    }

    /** A foreign key to {@code "table.column"}. */
    public ColumnDef<T> references(String target) {
        ForeignKey.parseTarget(target);
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, unique, index, serverDefault, target, onDelete, onUpdate);
    }

    public ColumnDef<T> onDelete(ReferentialAction action) {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, unique, index, serverDefault, references, action, onUpdate);
    }

    public ColumnDef<T> onUpdate(ReferentialAction action) {
        return new ColumnDef<>(name, type, primaryKey, autoincrement, nullable, unique, index, serverDefault, references, onDelete, action);
    }

    public String name() {
        return name;
    }

    public SqlType<T> type() {
        return type;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    /** The explicit autoincrement setting, or null for automatic. */
    public Boolean autoincrementSetting() {
        return autoincrement;
    }

    /** The explicit nullable setting, or null for the default. */
    public Boolean nullableSetting() {
        return nullable;
    }

    public boolean isUnique() {
        return unique;
    }

    public boolean isIndexed() {
        return index;
    }

    public String serverDefault() {
        return serverDefault;
    }

    /** The foreign key target {@code "table.column"}, or null. */
    public String references() {
        return references;
    }

    public ReferentialAction onDelete() {
        return onDelete;
    }

    public ReferentialAction onUpdate() {
        return onUpdate;
    }

    /** Whether NULL is allowed, after defaults: primary key columns are NOT NULL. */
    public boolean isNullable() {
        return nullable != null ? nullable : !primaryKey;
    }

    @Override
    public String toString() {
        return name + " " + type + (primaryKey ? " PRIMARY KEY" : "") + (isNullable() ? "" : " NOT NULL");
    }
}
