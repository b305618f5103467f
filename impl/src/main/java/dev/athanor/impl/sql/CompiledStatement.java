package dev.athanor.impl.sql;

import dev.athanor.sql.Expression;

import java.util.List;

/**
 * A statement compiled for one dialect, cached by shape: the SQL, and for each {@code ?} the ordinal of the value
 * (in the key walk's visit order) that fills it.
 *
 * @param sql           JDBC SQL
 * @param slots         per placeholder, the index into the values of the key walk
 * @param resultColumns the expressions of the result's columns (for {@code row.get(column)}), empty for no rows
 */
public record CompiledStatement(String sql, int[] slots, List<Expression<?>> resultColumns) {
}
