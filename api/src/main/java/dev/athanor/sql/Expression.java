package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A SQL expression with values of Java type {@code T} (SQLAlchemy's {@code ColumnElement}): a column, a bound
 * value, a function call, an operation. Immutable; every method returns a new expression. Plain Java values passed
 * to these methods become bind parameters, never SQL text.
 *
 * {@snippet :
 * Column<String> name = users.c("name");
 * Expression<Boolean> where = and(name.like("a%"), users.c("age").between(18, 65), not(name.eq("root")));
 * select(users.c("id"), Func.lower(name).label("lname")).where(where).orderBy(name.desc());
 * }
 *
 * @param <T> the Java type of the expression's values
 */
public interface Expression<T> extends OrderByItem {

    /** The SQL type of the values; {@link SqlTypes#NULLTYPE} when it is not known. */
    SqlType<T> type();

    /**
     * The node the compiler renders for this expression: itself for expression nodes; wrappers (such as metamodel
     * attributes) return the expression they stand for.
     */
    default Expression<T> node() {
        return this;
    }

    // ------------------------------------------------------------ comparisons

    default Expression<Boolean> eq(T value) {
        return value == null ? isNull() : compare(Operator.EQ, value);
    }

    default Expression<Boolean> eq(Expression<? extends T> other) {
        return other == null ? isNull() : new BinaryExpression<>(this, Operator.EQ, other, SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> ne(T value) {
        return value == null ? isNotNull() : compare(Operator.NE, value);
    }

    default Expression<Boolean> ne(Expression<? extends T> other) {
        return other == null ? isNotNull() : new BinaryExpression<>(this, Operator.NE, other, SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> lt(T value) {
        return compare(Operator.LT, value);
    }

    default Expression<Boolean> lt(Expression<? extends T> other) {
        return new BinaryExpression<>(this, Operator.LT, other, SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> le(T value) {
        return compare(Operator.LE, value);
    }

    default Expression<Boolean> le(Expression<? extends T> other) {
        return new BinaryExpression<>(this, Operator.LE, other, SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> gt(T value) {
        return compare(Operator.GT, value);
    }

    default Expression<Boolean> gt(Expression<? extends T> other) {
        return new BinaryExpression<>(this, Operator.GT, other, SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> ge(T value) {
        return compare(Operator.GE, value);
    }

    default Expression<Boolean> ge(Expression<? extends T> other) {
        return new BinaryExpression<>(this, Operator.GE, other, SqlTypes.BOOLEAN);
    }

    private Expression<Boolean> compare(Operator op, T value) {
        return new BinaryExpression<>(this, op, bind(value), SqlTypes.BOOLEAN);
    }

    /**
     * A bind of {@code value}, typed like this expression.
     *
     * @throws dev.athanor.ArgumentError if the value cannot be of this expression's SQL type (a string for an
     *                                   INTEGER column, say): caught here rather than by the database
     */
    default Expression<T> bind(T value) {
        SqlType<T> type = type();
        if (type.kind() == SqlType.Kind.NULL) {
            return new Bind<>(value, inferred(value));
        }
        if (!type.accepts(value)) {
            throw new dev.athanor.ArgumentError("cannot compare " + this + " (" + type + ") with "
                    + value.getClass().getSimpleName() + " value '" + value + "'");
        }
        return new Bind<>(value, type);
    }

    @SuppressWarnings("unchecked")
    private static <V> SqlType<V> inferred(V value) {
        return (SqlType<V>) SqlTypes.forValue(value);
    }

    // ------------------------------------------------------------ text matching

    /** {@code LIKE pattern} (case-sensitive where the database is). */
    default Expression<Boolean> like(String pattern) {
        return new BinaryExpression<>(this, Operator.LIKE, new Bind<>(pattern, SqlTypes.VARCHAR), SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> notLike(String pattern) {
        return new BinaryExpression<>(this, Operator.NOT_LIKE, new Bind<>(pattern, SqlTypes.VARCHAR), SqlTypes.BOOLEAN);
    }

    /** Case-insensitive LIKE: {@code ILIKE} on PostgreSQL and H2, {@code lower(x) LIKE lower(p)} on MariaDB. */
    default Expression<Boolean> ilike(String pattern) {
        return new BinaryExpression<>(this, Operator.ILIKE, new Bind<>(pattern, SqlTypes.VARCHAR), SqlTypes.BOOLEAN);
    }

    default Expression<Boolean> notIlike(String pattern) {
        return new BinaryExpression<>(this, Operator.NOT_ILIKE, new Bind<>(pattern, SqlTypes.VARCHAR), SqlTypes.BOOLEAN);
    }

    /** {@code startswith}: {@code LIKE 'prefix%'} with the prefix's own {@code %} and {@code _} escaped. */
    default Expression<Boolean> startsWith(String prefix) {
        return like(escapeLike(prefix) + "%");
    }

    /** {@code contains}: {@code LIKE '%part%'}, escaped. */
    default Expression<Boolean> contains(String part) {
        return like("%" + escapeLike(part) + "%");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    // ------------------------------------------------------------ sets, ranges, null

    /** {@code IN (...)}; an empty collection is valid SQL that matches nothing. */
    default Expression<Boolean> in(Collection<? extends T> values) {
        return new InList(this, binds(values), false);
    }

    /** {@code IN (...)} of the given values (varargs of Object, so that calls compile without warnings). */
    @SuppressWarnings("unchecked")
    default Expression<Boolean> in(Object... values) {
        return in((List<T>) Arrays.asList(values));
    }

    /** {@code IN (SELECT ...)}. */
    default Expression<Boolean> in(SelectLike subquery) {
        return new InSelect(this, subquery, false);
    }

    /** {@code NOT IN (...)}; an empty collection matches every row. */
    default Expression<Boolean> notIn(Collection<? extends T> values) {
        return new InList(this, binds(values), true);
    }

    @SuppressWarnings("unchecked")
    default Expression<Boolean> notIn(Object... values) {
        return notIn((List<T>) Arrays.asList(values));
    }

    default Expression<Boolean> notIn(SelectLike subquery) {
        return new InSelect(this, subquery, true);
    }

    private List<Expression<?>> binds(Collection<? extends T> values) {
        List<Expression<?>> binds = new ArrayList<>(values.size());
        for (T value : values) {
            binds.add(bind(value));
        }
        return binds;
    }

    default Expression<Boolean> between(T low, T high) {
        return new Between(this, bind(low), bind(high), false);
    }

    default Expression<Boolean> notBetween(T low, T high) {
        return new Between(this, bind(low), bind(high), true);
    }

    default Expression<Boolean> isNull() {
        return new NullCheck(this, false);
    }

    default Expression<Boolean> isNotNull() {
        return new NullCheck(this, true);
    }

    // ------------------------------------------------------------ arithmetic and text

    default Expression<T> plus(Object value) {
        return arithmetic(Operator.PLUS, value);
    }

    default Expression<T> minus(Object value) {
        return arithmetic(Operator.MINUS, value);
    }

    default Expression<T> times(Object value) {
        return arithmetic(Operator.TIMES, value);
    }

    default Expression<T> div(Object value) {
        return arithmetic(Operator.DIV, value);
    }

    default Expression<T> mod(Object value) {
        return arithmetic(Operator.MOD, value);
    }

    private Expression<T> arithmetic(Operator op, Object value) {
        return new BinaryExpression<>(this, op, operand(value), type());
    }

    /** String concatenation: {@code ||} on PostgreSQL and H2, {@code CONCAT()} on MariaDB. */
    default Expression<String> concat(Object value) {
        return new BinaryExpression<>(this, Operator.CONCAT, operand(value), SqlTypes.VARCHAR);
    }

    /** An expression as it is, or a bind of a plain value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Expression<?> operand(Object value) {
        if (value instanceof Expression<?> e) {
            return e;
        }
        return new Bind(value, SqlTypes.forValue(value));
    }

    // ------------------------------------------------------------ naming, casting, ordering

    /** {@code expr AS name}: the column's label in results ({@code row.get("name")}). */
    default Expression<T> label(String name) {
        return new Label<>(this, name);
    }

    /** {@code CAST(expr AS type)}. */
    default <R> Expression<R> cast(SqlType<R> type) {
        return new Cast<>(this, type);
    }

    default Ordering asc() {
        return new Ordering(this, false, Ordering.Nulls.DEFAULT);
    }

    default Ordering desc() {
        return new Ordering(this, true, Ordering.Nulls.DEFAULT);
    }
}
