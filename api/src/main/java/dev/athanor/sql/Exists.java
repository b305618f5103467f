package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code [NOT] EXISTS (SELECT ...)}; made by {@code Sql.exists}.
 */
public record Exists(SelectLike select, boolean negated) implements Expression<Boolean> {

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
