package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * A SQL keyword used as an expression: {@code NULL}, {@code TRUE}, {@code FALSE}, {@code *}, {@code DEFAULT}, {@code CURRENT_TIMESTAMP}.
 */
public record Keyword<T>(String sql, SqlType<T> type) implements Expression<T> {

}
