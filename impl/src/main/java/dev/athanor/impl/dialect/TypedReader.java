package dev.athanor.impl.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

/**
 * The column readers of the common types, as one class: a row's readers are then (nearly always) all of this class,
 * and the call per column stays monomorphic for the JIT (one class per reader, as lambdas or constant bodies would
 * make, turns it into an interface dispatch per value); the switch over the constant is a jump table.
 *
 * <p>{@link #INT}, {@link #LONG}, {@link #STRING} and {@link #BOOLEAN} read through the driver's typed getters, for
 * the types whose {@code getObject} result they reproduce exactly ({@code getInt} + {@code wasNull} boxed to the same
 * {@code Integer}, ...): cheaper per value than {@code getObject}, which dispatches on the column's type for every
 * call. Only dialects whose driver maps these JDBC types to exactly these Java types use them
 * ({@link Dialect#typedReaders()}: PostgreSQL); not MariaDB (an {@code INT UNSIGNED} column is reported as INTEGER and
 * read as a {@code Long}) nor H2 (its {@code getObject} gives the value's own type, which can differ from the
 * reported one).
 */
enum TypedReader implements ColumnReader {
    /** Whatever the driver's {@code getObject} gives. */
    OBJECT,
    INT,
    LONG,
    STRING,
    BOOLEAN,
    LOCAL_DATE_TIME,
    OFFSET_DATE_TIME,
    LOCAL_DATE,
    LOCAL_TIME,
    OFFSET_TIME;

    @Override
    public Object read(ResultSet rs, int column) throws SQLException {
        switch (this) {
            case INT: {
                int value = rs.getInt(column);
                return value == 0 && rs.wasNull() ? null : Integer.valueOf(value);
            }
            case LONG: {
                long value = rs.getLong(column);
                return value == 0 && rs.wasNull() ? null : Long.valueOf(value);
            }
            case STRING:
                return rs.getString(column);
            case BOOLEAN: {
                boolean value = rs.getBoolean(column);
                return !value && rs.wasNull() ? null : Boolean.valueOf(value);
            }
            case LOCAL_DATE_TIME:
                return rs.getObject(column, LocalDateTime.class);
            case OFFSET_DATE_TIME:
                return rs.getObject(column, OffsetDateTime.class);
            case LOCAL_DATE:
                return rs.getObject(column, LocalDate.class);
            case LOCAL_TIME:
                return rs.getObject(column, LocalTime.class);
            case OFFSET_TIME:
                return rs.getObject(column, OffsetTime.class);
            default:
                return rs.getObject(column);
        }
    }
}
