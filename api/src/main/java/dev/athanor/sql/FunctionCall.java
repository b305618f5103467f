package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * A SQL function call, {@code name(arg, ...)}; made by {@link dev.athanor.Func}. {@code count(*)} has no arguments and {@code star} set.
 */
public record FunctionCall<T>(String name, List<Expression<?>> arguments, SqlType<T> type, boolean distinct, boolean star) implements Expression<T> {

    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
