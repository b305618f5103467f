package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code NOT condition}; made by {@code Sql.not}.
 */
public record Not(Expression<Boolean> condition) implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
