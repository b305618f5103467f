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
    private final Class<?> entity;
    private final List<ExecutionOption> options;

    private Delete(Table table, List<Expression<Boolean>> where, List<Expression<?>> returning, Class<?> entity,
            List<ExecutionOption> options) {
        this.table = table;
        this.where = where;
        this.returning = returning;
        this.entity = entity;
        this.options = options;
    }

    /** For the ORM: a DELETE from the table an entity class is mapped to ({@code delete(User.class)}). */
    public static Delete ofEntity(Class<?> entity, Table table) {
        return new Delete(from(table).table, List.of(), List.of(), entity, List.of());
    }

    /** Options for the executor, e.g. the ORM's {@code SynchronizeSession.FETCH}; later calls replace earlier ones. */
    public Delete executionOptions(ExecutionOption... newOptions) {
        return new Delete(table, where, returning, entity, ExecutionOption.merge(options, newOptions));
    }

    /** The execution options given, in order. */
    public List<ExecutionOption> executionOptions() {
        return options;
    }

    /** The mapped class for {@code delete(User.class)}, else null. */
    public Class<?> entity() {
        return entity;
    }

    static Delete from(Table table) {
        if (table == null) {
            throw new ArgumentError("delete() needs a table");
        }
        return new Delete(table, List.of(), List.of(), null, List.of());
    }

    @SafeVarargs
    public final Delete where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> more = new ArrayList<>(where);
        more.addAll(Arrays.asList(conditions));
        return new Delete(table, List.copyOf(more), returning, entity, options);
    }

    public Delete returning(Expression<?>... columns) {
        List<Expression<?>> more = new ArrayList<>(returning);
        more.addAll(Arrays.asList(columns));
        return new Delete(table, where, List.copyOf(more), entity, options);
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
