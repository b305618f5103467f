package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code expr [NOT] IN (v1, v2, ...)}; an empty list renders as a predicate that is always false (always true for NOT IN).
 */
public record InList(Expression<?> expression, List<Expression<?>> values, boolean negated) implements Expression<Boolean> {

    public InList {
        values = List.copyOf(values);
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
