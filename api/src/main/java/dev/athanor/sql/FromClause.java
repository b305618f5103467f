package dev.athanor.sql;

import dev.athanor.ArgumentError;
import dev.athanor.schema.Column;

import java.util.List;

/**
 * Something a FROM clause holds (SQLAlchemy's {@code FromClause}): a table, an aliased table, a subquery, a CTE, or
 * a join of these. Its columns are expressions qualified by it.
 *
 * {@snippet :
 * FromClause u = users.alias("u");
 * select(u.c("name"), orders.c("total")).selectFrom(u.join(orders, orders.c("user_id").eq(u.c("id"))));
 * }
 */
public interface FromClause {

    /** The name it is referred to by in SQL (table name or alias); null for a join. */
    String name();

    /** Its columns, in order. */
    List<Column<?>> columns();

    /**
     * The column with this name (case-sensitive, then case-insensitive).
     *
     * @throws ArgumentError naming the columns there are, if none has it
     */
    @SuppressWarnings("unchecked")
    default <T> Column<T> c(String name) {
        Column<?> found = null;
        for (Column<?> column : columns()) {
            if (column.name().equals(name)) {
                return (Column<T>) column;
            }
            if (found == null && column.name().equalsIgnoreCase(name)) {
                found = column;
            }
        }
        if (found == null) {
            throw new ArgumentError("no column '" + name + "' in " + (name() == null ? "this join" : "'" + name() + "'")
                    + "; its columns are " + columns().stream().map(Column::name).toList());
        }
        return (Column<T>) found;
    }

    /** {@code this JOIN right ON on}. */
    default Join join(FromClause right, Expression<Boolean> on) {
        return new Join(this, right, on, false, false);
    }

    /** {@code this JOIN right}, the ON clause inferred from the single foreign key between them. */
    default Join join(FromClause right) {
        return new Join(this, right, null, false, false);
    }

    /** {@code this LEFT OUTER JOIN right ON on}. */
    default Join outerJoin(FromClause right, Expression<Boolean> on) {
        return new Join(this, right, on, true, false);
    }

    /** {@code this LEFT OUTER JOIN right}, the ON clause inferred from the single foreign key. */
    default Join outerJoin(FromClause right) {
        return new Join(this, right, null, true, false);
    }

    /** {@code this FULL OUTER JOIN right ON on} (not on MariaDB). */
    default Join fullJoin(FromClause right, Expression<Boolean> on) {
        return new Join(this, right, on, true, true);
    }
}
