package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code expr AS name}.
 */
public record Label<T>(Expression<T> expression, String name) implements Expression<T> {

    @Override
    public SqlType<T> type() {
        return expression.type();
    }
}
