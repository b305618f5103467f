package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code CASE WHEN c1 THEN r1 ... ELSE e END}; made by {@code Sql.caseWhen}.
 */
public record Case<T>(List<When> whens, Expression<?> otherwise, SqlType<T> type) implements Expression<T> {

    /** One {@code WHEN condition THEN result}. */
    public record When(Expression<Boolean> condition, Expression<?> result) {
    }

    public Case {
        whens = List.copyOf(whens);
    }

    /** A new CASE with one more WHEN. */
    public Case<T> when(Expression<Boolean> condition, Object result) {
        List<When> more = new java.util.ArrayList<>(whens);
        more.add(new When(condition, Expression.operand(result)));
        return new Case<>(more, otherwise, type);
    }

    /** A new CASE with this ELSE. */
    public Case<T> otherwise(Object result) {
        return new Case<>(whens, Expression.operand(result), type);
    }
}
