package dev.athanor;

import java.util.List;
import java.util.Map;

/**
 * One row of a {@link Result}: values by 0-based position or by column label (case-insensitive, resolved once per
 * result), optionally converted to a Java type. Rows are immutable and stay valid after the result is closed.
 *
 * {@snippet :
 * for (Row row : conn.execute(text("SELECT x, y FROM some_table"))) {
 *     Object x = row.get("x");
 *     Object y = row.get(1);
 *     Integer xi = row.get("x", Integer.class);
 * }
 * }
 *
 * <p>Conversions of {@code get(..., Class)}: numbers to any numeric type when the value fits, numbers and strings
 * to Boolean, anything to String, SQL date-time values to {@code java.time} types, strings to enums and UUIDs.
 * A value that cannot be converted raises {@link ArgumentError} naming the column.
 */
public interface Row extends Iterable<Object> {

    /** The value at a 0-based position. */
    Object get(int index);

    /**
     * The value of the column with this label (case-insensitive).
     *
     * @throws ArgumentError if no column has this label
     */
    Object get(String label);

    /** The value at a position, converted to {@code type}. */
    <T> T get(int index, Class<T> type);

    /** The value of a column, converted to {@code type}. */
    <T> T get(String label, Class<T> type);

    /**
     * The value of a selected column or expression, typed: {@code row.get(users.c("name"))}. Found by the expression
     * the statement selected, else by a column's name or a label.
     *
     * @throws ArgumentError if the result has no such column
     */
    <T> T get(dev.athanor.sql.Expression<T> column);

    /** The number of columns. */
    int size();

    /** The column labels, in order. */
    List<String> keys();

    /** The values, in order. */
    List<Object> values();

    /** Label to value, in column order (SQLAlchemy's {@code row._mapping}). */
    Map<String, Object> toMap();
}
