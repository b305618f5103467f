package dev.athanor.impl.schema;

import dev.athanor.impl.dialect.Dialect;
import dev.athanor.schema.CheckConstraint;
import dev.athanor.schema.Column;
import dev.athanor.schema.ColumnDef;
import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.Index;
import dev.athanor.schema.SqlType;
import dev.athanor.schema.Table;
import dev.athanor.schema.UniqueConstraint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes DDL for one dialect: CREATE TABLE with columns, primary key, unique and check constraints and the foreign
 * keys whose targets already exist; CREATE INDEX; ALTER TABLE ADD CONSTRAINT for foreign keys closing a cycle.
 * Every foreign key gets a name ({@code fk_<table>_<columns>} unless given), so that it can be dropped again.
 */
final class DdlCompiler {
    private final Dialect dialect;

    DdlCompiler(Dialect dialect) {
        this.dialect = dialect;
    }

    /** CREATE TABLE; foreign keys to tables not in {@code available} are left out (for {@link #addForeignKey}). */
    String createTable(Table table, Set<String> available) {
        List<String> parts = new ArrayList<>();
        boolean identityDone = false;
        for (Column<?> column : table.columns()) {
            boolean identity = !identityDone && isIdentity(table, column);
            identityDone |= identity;
            parts.add(columnDdl(column, identity));
        }
        if (!table.primaryKey().isEmpty()) {
            parts.add("PRIMARY KEY (" + names(table.primaryKey().stream().map(Column::name).toList()) + ")");
        }
        for (UniqueConstraint unique : table.uniqueConstraints()) {
            parts.add(constraint(unique.name()) + "UNIQUE (" + names(unique.columns()) + ")");
        }
        for (CheckConstraint check : table.checkConstraints()) {
            parts.add(constraint(check.name()) + "CHECK (" + check.condition() + ")");
        }
        for (Column<?> column : table.columns()) {
            String enumCheck = enumCheck(column);
            if (enumCheck != null) {
                parts.add(enumCheck);
            }
        }
        for (ForeignKey fk : table.foreignKeys()) {
            if (available.contains(fk.targetTable()) || fk.targetTable().equals(table.name())) {
                parts.add(foreignKeyClause(table, fk));
            }
        }
        return "CREATE TABLE " + dialect.quoteIdentifier(table.name()) + " (" + String.join(", ", parts) + ")";
    }

    String createIndex(Table table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quoteIdentifier(index.name())
                + " ON " + dialect.quoteIdentifier(table.name()) + " (" + names(index.columns()) + ")";
    }

    String addForeignKey(Table table, ForeignKey fk) {
        return "ALTER TABLE " + dialect.quoteIdentifier(table.name()) + " ADD " + foreignKeyClause(table, fk);
    }

    String dropForeignKey(Table table, ForeignKey fk) {
        return dialect.dropForeignKey(table.name(), foreignKeyName(table, fk));
    }

    String dropTable(Table table) {
        return "DROP TABLE " + dialect.quoteIdentifier(table.name());
    }

    String foreignKeyName(Table table, ForeignKey fk) {
        String name = fk.name() != null ? fk.name() : "fk_" + table.name() + "_" + String.join("_", fk.columns());
        return name.length() <= dialect.maxIdentifierLength() ? name
                : name.substring(0, dialect.maxIdentifierLength() - 9) + "_" + Integer.toHexString(name.hashCode());
    }

    private String foreignKeyClause(Table table, ForeignKey fk) {
        StringBuilder sql = new StringBuilder("CONSTRAINT ").append(dialect.quoteIdentifier(foreignKeyName(table, fk)))
                .append(" FOREIGN KEY (").append(names(fk.columns())).append(") REFERENCES ")
                .append(dialect.quoteIdentifier(fk.targetTable())).append(" (").append(names(fk.targetColumns()))
                .append(')');
        if (fk.onDelete() != null) {
            sql.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != null) {
            sql.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sql.toString();
    }

    private String columnDdl(Column<?> column, boolean identity) {
        ColumnDef<?> def = column.definition();
        SqlType<?> type = column.type();
        StringBuilder sql = new StringBuilder(dialect.quoteIdentifier(column.name())).append(' ');
        String nativeEnum = type.kind() == SqlType.Kind.ENUM && type.nativeEnum()
                ? dialect.nativeEnumType(constants(type)) : null;
        sql.append(nativeEnum != null ? nativeEnum : dialect.ddlType(type));
        if (identity) {
            sql.append(dialect.identityClause());
        }
        if (def.serverDefault() != null) {
            sql.append(" DEFAULT ").append(def.serverDefault());
        }
        if (!column.isNullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** A CHECK that keeps a VARCHAR enum column to its constants (where no native enum is used). */
    private String enumCheck(Column<?> column) {
        SqlType<?> type = column.type();
        if (type.kind() != SqlType.Kind.ENUM || (type.nativeEnum() && dialect.nativeEnumType(constants(type)) != null)) {
            return null;
        }
        List<String> quoted = constants(type).stream().map(c -> "'" + c.replace("'", "''") + "'").toList();
        return "CHECK (" + dialect.quoteIdentifier(column.name()) + " IN (" + String.join(", ", quoted) + "))";
    }

    private static List<String> constants(SqlType<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.javaType().getEnumConstants()) {
            names.add(((Enum<?>) constant).name());
        }
        return names;
    }

    /**
     * As SQLAlchemy: the single integer primary key column is generated by the database unless it says
     * {@code autoincrement(false)} or is itself a foreign key.
     */
    static boolean isIdentity(Table table, Column<?> column) {
        ColumnDef<?> def = column.definition();
        if (def == null || table.primaryKey().size() != 1 || table.primaryKey().get(0) != column) {
            return false;
        }
        if (def.autoincrementSetting() != null) {
            return def.autoincrementSetting();
        }
        SqlType.Kind kind = column.type().kind();
        boolean integer = kind == SqlType.Kind.INTEGER || kind == SqlType.Kind.BIGINT || kind == SqlType.Kind.SMALLINT;
        boolean foreign = table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(column.name()));
        return integer && !foreign;
    }

    private String constraint(String name) {
        return name == null ? "" : "CONSTRAINT " + dialect.quoteIdentifier(name) + " ";
    }

    private String names(List<String> columns) {
        List<String> quoted = new ArrayList<>(columns.size());
        columns.forEach(c -> quoted.add(dialect.quoteIdentifier(c)));
        return String.join(", ", quoted);
    }
}
