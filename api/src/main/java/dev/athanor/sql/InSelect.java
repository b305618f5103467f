package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code expr [NOT] IN (SELECT ...)}.
 */
public record InSelect(Expression<?> expression, SelectLike subquery, boolean negated) implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
