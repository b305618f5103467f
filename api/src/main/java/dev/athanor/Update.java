package dev.athanor;

import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An UPDATE statement (SQLAlchemy's {@code Update}); immutable. Values may be SQL expressions, which is how a
 * counter is incremented without a lost update.
 *
 * {@snippet :
 * conn.execute(update(users).where(users.c("id").eq(5)).values(Map.of("name", "ada")));
 * Column<Integer> visits = users.c("visits");
 * conn.execute(update(users).where(users.c("id").eq(5)).set(visits, visits.plus(1)).returning(visits));
 * }
 */
public final class Update implements Statement {
    private final Table table;
    private final List<Expression<Boolean>> where;
    private final Map<String, Expression<?>> values;
    private final List<Expression<?>> returning;
    private final Class<?> entity;
    private final List<ExecutionOption> options;

    private Update(Table table, List<Expression<Boolean>> where, Map<String, Expression<?>> values,
            List<Expression<?>> returning, Class<?> entity, List<ExecutionOption> options) {
        this.table = table;
        this.where = where;
        this.values = values;
        this.returning = returning;
        this.entity = entity;
        this.options = options;
    }

    private Update(Table table, List<Expression<Boolean>> where, Map<String, Expression<?>> values,
            List<Expression<?>> returning) {
        this(table, where, values, returning, null, List.of());
    }

    /** For the ORM: an UPDATE of the table an entity class is mapped to ({@code update(User.class)}). */
    public static Update ofEntity(Class<?> entity, Table table) {
        return new Update(of(table).table, List.of(), Map.of(), List.of(), entity, List.of());
    }

    static Update of(Table table) {
        if (table == null) {
            throw new ArgumentError("update() needs a table");
        }
        return new Update(table, List.of(), Map.of(), List.of());
    }

    @SafeVarargs
    public final Update where(Expression<Boolean>... conditions) {
        List<Expression<Boolean>> more = new ArrayList<>(where);
        more.addAll(Arrays.asList(conditions));
        return new Update(table, List.copyOf(more), values, returning, entity, options);
    }

    /** SET columns by name; values may be plain values (bound) or expressions. Unknown names fail at once. */
    public Update values(Map<String, ?> newValues) {
        Map<String, Expression<?>> merged = new LinkedHashMap<>(values);
        merged.putAll(DmlValues.of(table, newValues, "update"));
        return new Update(table, where, merged, returning, entity, options);
    }

    /** SET one column to a value. */
    public <V> Update set(Column<V> column, V value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(DmlValues.nameOf(table, column, "update"), value);
        return values(one);
    }

    /** SET one column to an expression, e.g. {@code set(visits, visits.plus(1))}. */
    public <V> Update set(Column<V> column, Expression<? extends V> expression) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(DmlValues.nameOf(table, column, "update"), expression);
        return values(one);
    }

    public Update returning(Expression<?>... columns) {
        List<Expression<?>> more = new ArrayList<>(returning);
        more.addAll(Arrays.asList(columns));
        return new Update(table, where, values, List.copyOf(more), entity, options);
    }

    /** The same UPDATE without its RETURNING clause (what an emulation of RETURNING runs). */
    public Update withoutReturning() {
        return new Update(table, where, values, List.of(), entity, options);
    }

    /**
     * Sets one column from a column or metamodel attribute: {@code values(User_.name, "John")}; a value or a SQL
     * expression such as {@code User_.visitCount.plus(1)}.
     */
    public <V> Update values(Expression<V> column, Object value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(DmlValues.nameOf(table, column, "update"), value);
        return values(one);
    }

    /** Options for the executor, e.g. the ORM's {@code SynchronizeSession.FETCH}; later calls replace earlier ones. */
    public Update executionOptions(ExecutionOption... newOptions) {
        return new Update(table, where, values, returning, entity, ExecutionOption.merge(options, newOptions));
    }

    /** The execution options given, in order. */
    public List<ExecutionOption> executionOptions() {
        return options;
    }

    /** The mapped class for {@code update(User.class)}, else null. */
    public Class<?> entity() {
        return entity;
    }

    public Table table() {
        return table;
    }

    public List<Expression<Boolean>> whereClauses() {
        return where;
    }

    /** Column name to new value; empty when the values come from the execution's parameters. */
    public Map<String, Expression<?>> values() {
        return values;
    }

    public List<Expression<?>> returningColumns() {
        return returning;
    }

    @Override
    public String toString() {
        return Statement.describe(this);
    }
}
