package dev.athanor;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FunctionCall;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL functions (SQLAlchemy's {@code func}): the common ones typed, any other by name with {@link #of}. Arguments
 * that are plain Java values are bound.
 *
 * {@snippet :
 * select(Func.count()).selectFrom(users);
 * select(Func.lower(users.c("name")), Func.coalesce(users.c("nick"), users.c("name")).label("shown"));
 * select(Func.of("date_trunc", "day", events.c("at")).label("day"));
 * }
 */
public final class Func {
    /** Compiled once: {@code of} runs per statement (a selectin load builds {@code ANY(...)} each time). */
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private Func() {
    }

    /** {@code count(*)}. */
    public static Expression<Long> count() {
        return new FunctionCall<>("count", List.of(), SqlTypes.BIGINT, false, true);
    }

    /** {@code count(expr)}: non-null values. */
    public static Expression<Long> count(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, false, false);
    }

    /** {@code count(DISTINCT expr)}. */
    public static Expression<Long> countDistinct(Expression<?> expression) {
        return new FunctionCall<>("count", List.of(expression), SqlTypes.BIGINT, true, false);
    }

    /** {@code CURRENT_TIMESTAMP}. */
    public static Expression<java.time.OffsetDateTime> now() {
        return new FunctionCall<>("now", List.of(), SqlTypes.TIMESTAMP_WITH_TIME_ZONE, false, false);
    }

    public static <T> Expression<T> max(Expression<T> expression) {
        return new FunctionCall<>("max", List.of(expression), expression.type(), false, false);
    }

    public static <T> Expression<T> min(Expression<T> expression) {
        return new FunctionCall<>("min", List.of(expression), expression.type(), false, false);
    }

    /** {@code sum(expr)}, typed like its argument (the database may widen it; read it with a conversion). */
    public static <T> Expression<T> sum(Expression<T> expression) {
        return new FunctionCall<>("sum", List.of(expression), expression.type(), false, false);
    }

    public static Expression<java.math.BigDecimal> avg(Expression<?> expression) {
        return new FunctionCall<>("avg", List.of(expression), SqlTypes.NUMERIC, false, false);
    }

    /** {@code coalesce(a, b, ...)}: the first non-null argument. */
    @SafeVarargs
    public static <T> Expression<T> coalesce(Expression<T> first, Object... others) {
        List<Expression<?>> args = new ArrayList<>();
        args.add(first);
        for (Object other : others) {
            args.add(Expression.operand(other));
        }
        return new FunctionCall<>("coalesce", args, first.type(), false, false);
    }

    public static Expression<String> lower(Expression<String> expression) {
        return new FunctionCall<>("lower", List.of(expression), SqlTypes.VARCHAR, false, false);
    }

    public static Expression<String> upper(Expression<String> expression) {
        return new FunctionCall<>("upper", List.of(expression), SqlTypes.VARCHAR, false, false);
    }

    public static Expression<Integer> length(Expression<String> expression) {
        return new FunctionCall<>("length", List.of(expression), SqlTypes.INTEGER, false, false);
    }

    public static <T> Expression<T> abs(Expression<T> expression) {
        return new FunctionCall<>("abs", List.of(expression), expression.type(), false, false);
    }

    /** Any function by name, its result of unknown type. */
    public static Expression<Object> of(String name, Object... arguments) {
        return of(name, SqlTypes.NULLTYPE, arguments);
    }

    /** Any function by name, with its result type. */
    public static <T> Expression<T> of(String name, SqlType<T> type, Object... arguments) {
        if (name == null || !FUNCTION_NAME.matcher(name).matches()) {
            throw new ArgumentError("not a function name: '" + name + "' (letters, digits, _ and . only)");
        }
        List<Expression<?>> args = new ArrayList<>();
        for (Object argument : arguments) {
            args.add(Expression.operand(argument));
        }
        return new FunctionCall<>(name, args, type, false, false);
    }
}
