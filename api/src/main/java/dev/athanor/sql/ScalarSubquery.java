package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * A subquery that returns one value, used as an expression; made by {@code select.scalarSubquery()}.
 */
public record ScalarSubquery<T>(SelectLike select, SqlType<T> type) implements Expression<T> {

}
