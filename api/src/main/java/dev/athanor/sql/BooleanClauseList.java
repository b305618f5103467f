package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * Conditions joined by AND or OR; made by {@code Sql.and} and {@code Sql.or}. An empty AND is true, an empty OR false.
 */
public record BooleanClauseList(boolean and, List<Expression<Boolean>> clauses) implements Expression<Boolean> {

    public BooleanClauseList {
        clauses = List.copyOf(clauses);
    }

    @Override
    public SqlType<Boolean> type() {
        return SqlTypes.BOOLEAN;
    }
}
