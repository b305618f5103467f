package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code CAST(expr AS type)}.
 */
public record Cast<T>(Expression<?> expression, SqlType<T> type) implements Expression<T> {

}
