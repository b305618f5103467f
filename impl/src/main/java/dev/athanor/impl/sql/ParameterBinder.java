package dev.athanor.impl.sql;

import dev.athanor.impl.dialect.Dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Sets the values of a {@link BoundStatement} on a {@code PreparedStatement}. The common types are bound with their
 * typed setters; everything else goes through the dialect's conversion and {@code setObject}. Values are always
 * bound, never written into the SQL. A value the database cannot store as it is is refused before anything is sent:
 * NaN or an infinity on MariaDB (whose driver would write it unquoted into the statement text), a string that is not
 * well-formed UTF-16 (drivers would silently store {@code ?} for a lone surrogate), NUL in PostgreSQL text.
 */
public final class ParameterBinder {
    private ParameterBinder() {
    }

    public static void bind(PreparedStatement ps, Object[] values, Dialect dialect) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(ps, i, values[i], dialect);
        }
    }

    /**
     * Binds {@code values[positions[i]]} to placeholder {@code i + 1}: a row of the ORM's unit of work bound straight
     * from the array it keeps per object (no array of the bound values made per row).
     */
    public static void bind(PreparedStatement ps, Object[] values, int[] positions, Dialect dialect)
            throws SQLException {
        for (int i = 0; i < positions.length; i++) {
            bind(ps, i, values[positions[i]], dialect);
        }
    }

    /** Binds {@code value} to placeholder {@code i + 1} (a {@link RefusedValue} names {@code i}). */
    private static void bind(PreparedStatement ps, int i, Object value, Dialect dialect) throws SQLException {
        int position = i + 1;
        if (value == null) {
            ps.setNull(position, Types.NULL);
        } else if (value instanceof String s) {
            String refusal = TextCheck.refusal(s, dialect);
            if (refusal != null) {
                throw new RefusedValue(i, refusal);
            }
            ps.setString(position, s);
        } else if (value instanceof Integer n) {
            ps.setInt(position, n);
        } else if (value instanceof Long n) {
            ps.setLong(position, n);
        } else if (value instanceof byte[] bytes) {
            ps.setBytes(position, bytes);
        } else if ((value instanceof Double || value instanceof Float) && !dialect.storesNonFiniteFloats()
                && !Double.isFinite(((Number) value).doubleValue())) {
            throw new RefusedValue(i, "the database (" + dialect.name()
                    + ") stores NaN and infinities in no column type");
        } else if (value instanceof SqlArray array) {
            ps.setArray(position, ps.getConnection().createArrayOf(array.elementType(), array.elements()));
        } else {
            ps.setObject(position, dialect.toJdbcValue(value));
        }
    }

    /**
     * A value refused before sending; the executor turns it into a {@link dev.athanor.DataError} that names the
     * parameter (it knows the names, this class only the positions).
     */
    public static final class RefusedValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        RefusedValue(int index, String reason) {
            super(reason, null, false, false);
            this.index = index;
        }

        /** The 0-based index of the value among the statement's placeholders. */
        public int index() {
            return index;
        }
    }
}
