package dev.athanor;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;
import dev.athanor.sql.Cte;
import dev.athanor.sql.Exists;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.Join;
import dev.athanor.sql.Label;
import dev.athanor.sql.OrderByItem;
import dev.athanor.sql.ScalarSubquery;
import dev.athanor.sql.SelectLike;
import dev.athanor.sql.Subquery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SELECT statement (SQLAlchemy's {@code Select}); an immutable value, every method returns a new one. Made by
 * {@code Sql.select(...)}. The FROM clause is what {@link #selectFrom} and {@link #join} put there, plus the tables of
 * the selected columns; a WHERE on a column of a table that is in neither is an error, not a silent cross join.
 *
 * {@snippet :
 * Select<Row> stmt = select(users.c("name"), Func.count(orders.c("id")).label("n"))
 *         .join(orders)                                   // ON inferred from the foreign key
 *         .where(users.c("active").eq(true))
 *         .groupBy(users.c("name"))
 *         .having(Func.count(orders.c("id")).gt(2L))
 *         .orderBy(users.c("name").asc())
 *         .limit(10);
 * for (Row row : conn.execute(stmt)) {
 *     System.out.println(row.get("name") + " " + row.get("n"));
 * }
 * }
 *
 * @param <T> what each row is: {@link Row} for column selects; an entity for ORM selects
 */
public final class Select<T> implements Statement, SelectLike {

    /** Row locking: {@code FOR UPDATE [NOWAIT | SKIP LOCKED]}. */
    public record ForUpdate(boolean nowait, boolean skipLocked) {
    }

    private final List<Expression<?>> columns;
    private final List<FromClause> froms;
    private final List<Expression<Boolean>> where;
    private final List<Expression<?>> groupBy;
    private final List<Expression<Boolean>> having;
    private final List<OrderByItem> orderBy;
    private final Integer limit;
    private final Integer offset;
    private final boolean distinct;
    private final ForUpdate forUpdate;
    private final Object entity;
    private List<dev.athanor.orm.LoaderOption> loaderOptions = List.of();
    private List<ExecutionOption> executionOptions = List.of();

    private Select(List<Expression<?>> columns, List<FromClause> froms, List<Expression<Boolean>> where,
            List<Expression<?>> groupBy, List<Expression<Boolean>> having, List<OrderByItem> orderBy, Integer limit,
            Integer offset, boolean distinct, ForUpdate forUpdate, Object entity) {
        this.columns = columns;
        this.froms = froms;
        this.where = where;
        this.groupBy = groupBy;
        this.having = having;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
        this.distinct = distinct;
        this.forUpdate = forUpdate;
        this.entity = entity;
    }

    /** A select of these columns (tables and other FROM items contribute all their columns). */
    public static Select<Row> of(List<?> items) {
        List<Expression<?>> columns = new ArrayList<>();
        List<FromClause> froms = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Expression<?> e) {
                columns.add(e);
            } else if (item instanceof FromClause from) {
                columns.addAll(from.columns());
                if (!(from instanceof dev.athanor.schema.Table)) {
                    froms.add(from);
                }
            } else {
                throw new ArgumentError("select() takes columns, expressions and tables, not "
                        + (item == null ? "null" : item.getClass().getName()));
            }
        }
        if (columns.isEmpty()) {
            throw new ArgumentError("select() needs at least one column or table");
        }
        return new Select<>(List.copyOf(columns), List.copyOf(froms), List.of(), List.of(), List.of(), List.of(),
                null, null, false, null, null);
    }

    /**
     * For the ORM: a select whose rows are {@code entity} objects, over {@code columns}. The entity descriptor is
     * whatever the ORM layer uses; Core treats the select as a column select.
     */
    public static <E> Select<E> ofEntity(Object entity, List<Expression<?>> columns, List<FromClause> froms) {
        return new Select<>(List.copyOf(columns), List.copyOf(froms), List.of(), List.of(), List.of(), List.of(),
                null, null, false, null, entity);
    }

    private Select<T> copy(List<Expression<?>> columns, List<FromClause> froms, List<Expression<Boolean>> where,
            List<Expression<?>> groupBy, List<Expression<Boolean>> having, List<OrderByItem> orderBy, Integer limit,
            Integer offset, boolean distinct, ForUpdate forUpdate) {
        Select<T> copy = new Select<>(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct,
                forUpdate, entity);
        copy.loaderOptions = loaderOptions;
        copy.executionOptions = executionOptions;
        return copy;
    }

    private static <E> List<E> plus(List<E> list, List<? extends E> more) {
        List<E> joined = new ArrayList<>(list);
        joined.addAll(more);
        return List.copyOf(joined);
    }

    /** Adds conditions; repeated calls AND together. */
    @SafeVarargs
    public final Select<T> where(Expression<Boolean>... conditions) {
        for (Expression<Boolean> condition : conditions) {
            if (condition == null) {
                throw new ArgumentError("where() got a null condition");
            }
        }
        return copy(columns, froms, plus(where, Arrays.asList(conditions)), groupBy, having, orderBy, limit, offset,
                distinct, forUpdate);
    }

    /** Sets the FROM items explicitly (tables, aliases, subqueries, joins). */
    public Select<T> selectFrom(FromClause... items) {
        return copy(columns, plus(froms, Arrays.asList(items)), where, groupBy, having, orderBy, limit, offset,
                distinct, forUpdate);
    }

    /** Joins {@code target} to the FROM item it has a foreign key with; the ON clause is that key. */
    public Select<T> join(FromClause target) {
        return joinTo(target, null, false);
    }

    public Select<T> join(FromClause target, Expression<Boolean> on) {
        return joinTo(target, on, false);
    }

    public Select<T> outerJoin(FromClause target) {
        return joinTo(target, null, true);
    }

    public Select<T> outerJoin(FromClause target, Expression<Boolean> on) {
        return joinTo(target, on, true);
    }

    /**
     * Joins onto the last FROM item (or the first table of the columns when none was given); the compiler checks the
     * inferred ON clause and names both tables when it is missing or ambiguous.
     */
    private Select<T> joinTo(FromClause target, Expression<Boolean> on, boolean outer) {
        List<FromClause> items = new ArrayList<>(froms);
        if (items.isEmpty()) {
            FromClause first = firstColumnTable();
            if (first == null) {
                throw new ArgumentError("join(" + target.name() + "): nothing to join from; use selectFrom() first");
            }
            items.add(first);
        }
        FromClause left = items.remove(items.size() - 1);
        items.add(new Join(left, target, on, outer, false));
        return copy(columns, List.copyOf(items), where, groupBy, having, orderBy, limit, offset, distinct, forUpdate);
    }

    private FromClause firstColumnTable() {
        for (Expression<?> column : columns) {
            Expression<?> node = column.node();
            while (node instanceof Label<?> label) {
                node = label.expression().node();
            }
            if (node instanceof dev.athanor.schema.Column<?> c) {
                return c.table();
            }
        }
        return null;
    }

    /**
     * {@code filterBy("name", "some_user")}: equality on an attribute of the selected entity (SQLAlchemy's
     * {@code filter_by}); a null value tests IS NULL.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Select<T> filterBy(String attribute, Object value) {
        if (!(entity instanceof Class<?> entityClass)) {
            throw new ArgumentError("filterBy(\"" + attribute + "\") needs an entity select such as select(User.class); "
                    + "use where() on a Core select");
        }
        Expression column = dev.athanor.spi.OrmServices.get().column(entityClass, attribute);
        Expression<Boolean> condition = value == null ? column.isNull()
                : value instanceof Expression<?> e ? column.eq(e) : column.eq(value);
        return where(condition);
    }

    /** {@link #filterBy(String, Object)} for each entry. */
    public Select<T> filterBy(java.util.Map<String, ?> criteria) {
        Select<T> select = this;
        for (java.util.Map.Entry<String, ?> entry : criteria.entrySet()) {
            select = select.filterBy(entry.getKey(), entry.getValue());
        }
        return select;
    }

    /** Joins the table of a mapped class: {@code select(User.class).join(Group.class)}, ON from the foreign key. */
    public Select<T> join(Class<?> entityClass) {
        return join(dev.athanor.spi.OrmServices.get().table(entityClass));
    }

    public Select<T> join(Class<?> entityClass, Expression<Boolean> on) {
        return join(dev.athanor.spi.OrmServices.get().table(entityClass), on);
    }

    public Select<T> outerJoin(Class<?> entityClass) {
        return outerJoin(dev.athanor.spi.OrmServices.get().table(entityClass));
    }

    @SafeVarargs
    public final Select<T> groupBy(Expression<?>... expressions) {
        return copy(columns, froms, where, plus(groupBy, Arrays.asList(expressions)), having, orderBy, limit, offset,
                distinct, forUpdate);
    }

    @SafeVarargs
    public final Select<T> having(Expression<Boolean>... conditions) {
        return copy(columns, froms, where, groupBy, plus(having, Arrays.asList(conditions)), orderBy, limit, offset,
                distinct, forUpdate);
    }

    /** Adds ORDER BY items: expressions (ascending) or {@code expr.desc()}, {@code expr.asc().nullsLast()}, ... */
    public Select<T> orderBy(OrderByItem... items) {
        return copy(columns, froms, where, groupBy, having, plus(orderBy, Arrays.asList(items)), limit, offset,
                distinct, forUpdate);
    }

    public Select<T> limit(int rows) {
        if (rows < 0) {
            throw new ArgumentError("limit must be 0 or more, was " + rows);
        }
        return copy(columns, froms, where, groupBy, having, orderBy, rows, offset, distinct, forUpdate);
    }

    public Select<T> offset(int rows) {
        if (rows < 0) {
            throw new ArgumentError("offset must be 0 or more, was " + rows);
        }
        return copy(columns, froms, where, groupBy, having, orderBy, limit, rows, distinct, forUpdate);
    }

    public Select<T> distinct() {
        return copy(columns, froms, where, groupBy, having, orderBy, limit, offset, true, forUpdate);
    }

    /** {@code FOR UPDATE}. */
    public Select<T> forUpdate() {
        return forUpdate(false, false);
    }

    /** {@code FOR UPDATE NOWAIT} or {@code FOR UPDATE SKIP LOCKED}. */
    public Select<T> forUpdate(boolean skipLocked, boolean nowait) {
        return copy(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct,
                new ForUpdate(nowait, skipLocked));
    }

    /** A new select with these columns instead (SQLAlchemy's {@code with_only_columns}). */
    public Select<Row> withOnlyColumns(Expression<?>... newColumns) {
        return new Select<>(List.of(newColumns), froms, where, groupBy, having, orderBy, limit, offset, distinct,
                forUpdate, null);
    }

    /** {@code this UNION others}. */
    public CompoundSelect union(SelectLike... others) {
        return CompoundSelect.of("UNION", this, others);
    }

    /** {@code this UNION ALL others}. */
    public CompoundSelect unionAll(SelectLike... others) {
        return CompoundSelect.of("UNION ALL", this, others);
    }

    /** This select as a value in an expression: {@code (SELECT max(x) FROM t)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <V> Expression<V> scalarSubquery() {
        if (columns.size() != 1) {
            throw new ArgumentError("a scalar subquery selects exactly one column; this one selects " + columns.size());
        }
        return new ScalarSubquery(this, columns.get(0).type());
    }

    /** {@code EXISTS (this)}. */
    public Expression<Boolean> exists() {
        return new Exists(this, false);
    }

    @Override
    public Subquery subquery(String name) {
        return new Subquery(name, this, labels(), types());
    }

    /** {@code WITH name AS (this)}: use the returned CTE like a table. */
    public Cte cte(String name) {
        return new Cte(name, this, labels(), types(), false, null);
    }

    /** A recursive CTE whose recursive part is added with {@link Cte#unionAll(SelectLike)}. */
    public Cte cteRecursive(String name) {
        return new Cte(name, this, labels(), types(), true, null);
    }

    /** The labels the columns get in results: a label's name, a column's name, else {@code column_N}. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            Expression<?> node = columns.get(i).node();
            if (node instanceof Label<?> label) {
                labels.add(label.name());
            } else if (node instanceof dev.athanor.schema.Column<?> column) {
                labels.add(column.name());
            } else {
                labels.add("column_" + (i + 1));
            }
        }
        return labels;
    }

    private List<SqlType<?>> types() {
        List<SqlType<?>> types = new ArrayList<>();
        for (Expression<?> column : columns) {
            types.add(column.type() == null ? SqlTypes.NULLTYPE : column.type());
        }
        return types;
    }

    public List<Expression<?>> columns() {
        return columns;
    }

    public List<FromClause> froms() {
        return froms;
    }

    public List<Expression<Boolean>> whereClauses() {
        return where;
    }

    public List<Expression<?>> groupByClauses() {
        return groupBy;
    }

    public List<Expression<Boolean>> havingClauses() {
        return having;
    }

    public List<OrderByItem> orderByClauses() {
        return orderBy;
    }

    public Integer limitValue() {
        return limit;
    }

    public Integer offsetValue() {
        return offset;
    }

    public boolean isDistinct() {
        return distinct;
    }

    /** The locking clause, or null. */
    public ForUpdate forUpdateClause() {
        return forUpdate;
    }

    /**
     * ORM loader options ({@code undefer(User_.description)}; relationship loaders), applied when a session runs the
     * select; Core ignores them.
     */
    public Select<T> options(dev.athanor.orm.LoaderOption... options) {
        Select<T> copy = copy(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct, forUpdate);
        List<dev.athanor.orm.LoaderOption> all = new ArrayList<>(loaderOptions);
        for (dev.athanor.orm.LoaderOption option : options) {
            if (option == null) {
                throw new ArgumentError("options() got a null option");
            }
            all.add(option);
        }
        copy.loaderOptions = List.copyOf(all);
        return copy;
    }

    /**
     * Options for whoever executes the select (SQLAlchemy's {@code execution_options}), an option replacing one of
     * the same class; the ORM's {@code ReadOnly.TRUE} loads objects without snapshots (not dirty-checked), and
     * {@code Routing.REPLICA} sends the read to a read replica of the engine:
     *
     * {@snippet :
     * List<User> users = session.scalars(select(User.class).executionOptions(ReadOnly.TRUE)).all();
     * }
     */
    public Select<T> executionOptions(ExecutionOption... newOptions) {
        Select<T> copy = copy(columns, froms, where, groupBy, having, orderBy, limit, offset, distinct, forUpdate);
        copy.executionOptions = ExecutionOption.merge(executionOptions, newOptions);
        return copy;
    }

    /** The execution options given with {@link #executionOptions(ExecutionOption...)}. */
    public List<ExecutionOption> executionOptions() {
        return executionOptions;
    }

    /** The loader options given with {@link #options}. */
    public List<dev.athanor.orm.LoaderOption> loaderOptions() {
        return loaderOptions;
    }

    /** The ORM entity descriptor, or null for a Core select. */
    public Object entity() {
        return entity;
    }

    @Override
    public String toString() {
        return Statement.describe(this);
    }
}
