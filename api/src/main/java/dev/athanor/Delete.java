package dev.athanor;

import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DELETE statement (SQLAlchemy's {@code Delete}); immutable.
 *
 * {@snippet :
 * long gone = conn.execute(delete(users).where(users.c("active").eq(false))).rowcount();
 * }
 */
public final class Delete implements Statement {
    private final Table table;
    private final List<Expression<Boolean>> where;
    private final List<Expression<?>> returning;

    private Delete(Table table, List<Expression<Boolean>> where, List<Expression<?>> returning) {
        this.table = table;
        this.where = where;
        this.returning = returning;
    }

    static Delete from(Table table) {
        if (table == null) {
            throw new ArgumentError("delete() needs a table");
        }
        return new Delete(table, List.of(), List.of());
    }

    @SafeVarargs
    public final Delete where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> more = new ArrayList<>(where);
        more.addAll(Arrays.asList(conditions));
        return new Delete(table, List.copyOf(more), returning);
    }

    public Delete returning(Expression<?>... columns) {
        List<Expression<?>> more = new ArrayList<>(returning);
        more.addAll(Arrays.asList(columns));
        return new Delete(table, where, List.copyOf(more));
    }

    public Table table() {
        return table;
    }

    public List<Expression<Boolean>> whereClauses() {
        return where;
    }

    public List<Expression<?>> returningColumns() {
        return returning;
    }

    @Override
    public String toString() {
        return Statement.describe(this);
    }
}
