package dev.athanor.schema;

import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.TableAlias;

/**
 * A column of a table (or of an alias, subquery or CTE), and an expression of its values: {@code users.c("name")}
 * can be selected, compared, ordered by. Identity matters: columns of two aliases of a table are different columns.
 *
 * {@snippet :
 * Column<String> name = users.c("name");
 * select(name).where(name.startsWith("a")).orderBy(name);
 * Row row = conn.execute(select(name)).first();
 * String value = row.get(name);
 * }
 *
 * @param <T> the Java type of values
 */
public final class Column<T> implements Expression<T> {
    private final FromClause table;
    private final String name;
    private final SqlType<T> type;
    private final ColumnDef<T> definition;

    private Column(FromClause table, String name, SqlType<T> type, ColumnDef<T> definition) {
        this.table = table;
        this.name = name;
        this.type = type;
        this.definition = definition;
    }

    static <T> Column<T> of(Table table, ColumnDef<T> definition) {
        return new Column<>(table, definition.name(), definition.type(), definition);
    }

    /** A column of a derived table (subquery, CTE): a name and a type, no DDL definition. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Column<?> derived(FromClause table, String name, SqlType<?> type) {
        return new Column(table, name, type, null);
    }

    /** This table column as seen through an alias. */
    public Column<T> onAlias(TableAlias alias) {
        return new Column<>(alias, name, type, definition);
    }

    /** The table, alias, subquery or CTE the column belongs to. */
    public FromClause table() {
        return table;
    }

    public String name() {
        return name;
    }

    @Override
    public SqlType<T> type() {
        return type;
    }

    /** The DDL definition; null for columns of subqueries and CTEs. */
    public ColumnDef<T> definition() {
        return definition;
    }

    public boolean isPrimaryKey() {
        return definition != null && (definition.isPrimaryKey()
                || table instanceof Table t && t.primaryKey().stream().anyMatch(c -> c.name.equals(name)));
    }

    public boolean isNullable() {
        return definition == null || (!isPrimaryKey() && definition.isNullable());
    }

    @Override
    public String toString() {
        return (table.name() == null ? "" : table.name() + ".") + name;
    }
}
