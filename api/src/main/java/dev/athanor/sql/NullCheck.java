package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code expr IS [NOT] NULL}.
 */
public record NullCheck(Expression<?> expression, boolean negated) implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
