package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code expr [NOT] BETWEEN low AND high}.
 */
public record Between(Expression<?> expression, Expression<?> low, Expression<?> high, boolean negated) implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
