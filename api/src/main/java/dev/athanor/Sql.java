package dev.athanor;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;
import dev.athanor.schema.Table;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Case;
import dev.athanor.sql.Cast;
import dev.athanor.sql.Excluded;
import dev.athanor.sql.Exists;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.Keyword;
import dev.athanor.sql.Not;
import dev.athanor.sql.Param;
import dev.athanor.sql.SelectLike;

import java.util.Arrays;
import java.util.List;

/**
 * Static factories of SQL constructs (text SQL, statements, conditions), meant to be imported statically ({@code import static dev.athanor.Sql.*}),
 * as SQLAlchemy's {@code from sqlalchemy import text, select, ...}.
 *
 * {@snippet :
 * import static dev.athanor.Sql.text;
 *
 * Result result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2));
 * }
 */
public final class Sql {
    private Sql() {
    }

    /** {@code SELECT columns}: columns, expressions, or tables (all their columns). */
    public static Select<Row> select(Expression<?>... columns) {
        return Select.of(Arrays.asList(columns));
    }

    /** {@code SELECT} every column of these tables (or other FROM items). */
    public static Select<Row> select(FromClause... tables) {
        return Select.of(Arrays.asList(tables));
    }

    /** {@code SELECT} of a mix of tables and expressions. */
    public static Select<Row> select(List<?> items) {
        return Select.of(items);
    }

    /** {@code INSERT INTO table}. */
    /**
     * An ORM select of mapped objects: {@code select(User.class).where(User_.name.eq("john"))}; executed through a
     * {@code Session}, its rows are {@code User} objects. Needs athanor-impl on the class path.
     */
    public static <E> Select<E> select(Class<E> entity) {
        return dev.athanor.spi.OrmServices.get().select(entity);
    }

    /** An INSERT into the table {@code entity} is mapped to; with a session, keys may be attribute names. */
    public static Insert insert(Class<?> entity) {
        return Insert.into(dev.athanor.spi.OrmServices.get().table(entity));
    }

    /** An UPDATE of the table {@code entity} is mapped to, which a session synchronizes with its objects. */
    public static Update update(Class<?> entity) {
        return Update.ofEntity(entity, dev.athanor.spi.OrmServices.get().table(entity));
    }

    /** A DELETE from the table {@code entity} is mapped to, which a session synchronizes with its objects. */
    public static Delete delete(Class<?> entity) {
        return Delete.ofEntity(entity, dev.athanor.spi.OrmServices.get().table(entity));
    }

    public static Insert insert(Table table) {
        return Insert.into(table);
    }

    /** {@code UPDATE table}. */
    public static Update update(Table table) {
        return Update.of(table);
    }

    /** {@code DELETE FROM table}. */
    public static Delete delete(Table table) {
        return Delete.from(table);
    }

    /** Conditions joined by AND; {@code and()} of nothing is true. */
    @SafeVarargs
    public static Expression<Boolean> and(Expression<Boolean>... conditions) {
        return new BooleanClauseList(true, Arrays.asList(conditions));
    }

    /** Conditions joined by OR; {@code or()} of nothing is false. */
    @SafeVarargs
    public static Expression<Boolean> or(Expression<Boolean>... conditions) {
        return new BooleanClauseList(false, Arrays.asList(conditions));
    }

    /** {@code NOT condition}. */
    public static Expression<Boolean> not(Expression<Boolean> condition) {
        return new Not(condition);
    }

    /** {@code EXISTS (select)}. */
    public static Expression<Boolean> exists(SelectLike select) {
        return new Exists(select, false);
    }

    /** {@code CASE WHEN condition THEN result}; add more with {@code .when(...)}, an ELSE with {@code .otherwise(...)}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Case<T> caseWhen(Expression<Boolean> condition, T result) {
        Expression<?> value = Expression.operand(result);
        return new Case(List.of(new Case.When(condition, value)), null, value.type());
    }

    /** {@code CAST(value AS type)}. */
    public static <T> Expression<T> cast(Object value, SqlType<T> type) {
        return new Cast<>(Expression.operand(value), type);
    }

    /** A bound value as an expression: {@code literal(5).plus(users.c("age"))}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <T> Expression<T> literal(T value) {
        return (Expression<T>) Expression.operand(value);
    }

    /** SQL NULL as an expression. */
    public static Expression<Object> nullValue() {
        return new Keyword<>("NULL", SqlTypes.NULLTYPE);
    }

    /** A named parameter whose value comes with the execution, as SQLAlchemy's {@code bindparam("name")}. */
    public static Expression<Object> bindParam(String name) {
        return new Param<>(name, SqlTypes.NULLTYPE);
    }

    /** A typed named parameter. */
    public static <T> Expression<T> bindParam(String name, SqlType<T> type) {
        return new Param<>(name, type);
    }

    /** In an upsert's update values: the value the INSERT proposed for {@code column}. */
    public static Expression<Object> excluded(String column) {
        return new Excluded(column);
    }

    /** {@code s1 UNION s2 ...}. */
    public static CompoundSelect union(SelectLike first, SelectLike... others) {
        return CompoundSelect.of("UNION", first, others);
    }

    /** {@code s1 UNION ALL s2 ...}. */
    public static CompoundSelect unionAll(SelectLike first, SelectLike... others) {
        return CompoundSelect.of("UNION ALL", first, others);
    }

    /**
     * A textual SQL statement with {@code :name} binds.
     *
     * @see TextClause
     */
    public static TextClause text(String sql) {
        return new TextClause(sql);
    }
}
