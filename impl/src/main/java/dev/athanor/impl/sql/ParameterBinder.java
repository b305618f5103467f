package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.Dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Sets the values of a {@link BoundStatement} on a {@code PreparedStatement}. The common types are bound with their
 * typed setters; everything else goes through the dialect's conversion and {@code setObject}. Values are always
 * bound, never written into the SQL.
 */
public final class ParameterBinder {
    private ParameterBinder() {
    }

    public static void bind(PreparedStatement ps, Object[] values, Dialect dialect) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int position = i + 1;
            if (value == null) {
                ps.setNull(position, Types.NULL);
            } else if (value instanceof String s) {
                ps.setString(position, s);
            } else if (value instanceof Integer n) {
                ps.setInt(position, n);
            } else if (value instanceof Long n) {
                ps.setLong(position, n);
            } else if (value instanceof byte[] bytes) {
                ps.setBytes(position, bytes);
            } else if (value instanceof SqlArray array) {
                ps.setArray(position, ps.getConnection().createArrayOf(array.elementType(), array.elements()));
            } else {
                ps.setObject(position, dialect.toJdbcValue(value));
            }
        }
    }
}
