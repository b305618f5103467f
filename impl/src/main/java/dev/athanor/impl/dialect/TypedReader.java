package dev.athanor.impl.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Column readers through the driver's typed getters, for the types whose {@code getObject} result they reproduce
 * exactly ({@code getInt} + {@code wasNull} boxed to the same {@code Integer}, ...). Cheaper per value than
 * {@code getObject}, which dispatches on the column's type for every call. Only dialects whose driver maps these
 * JDBC types to exactly these Java types use them ({@link Dialect#typedReaders()}: PostgreSQL); not MariaDB (an
 * {@code INT UNSIGNED} column is reported as INTEGER and read as a {@code Long}) nor H2 (its {@code getObject} gives
 * the value's own type, which can differ from the reported one). An enum rather than lambdas: its
 * constants are classes loaded from the jar, not spun at the first query.
 */
enum TypedReader implements ColumnReader {
    INT {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            int value = rs.getInt(column);
            return value == 0 && rs.wasNull() ? null : Integer.valueOf(value);
        }
    },
    LONG {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            long value = rs.getLong(column);
            return value == 0 && rs.wasNull() ? null : Long.valueOf(value);
        }
    },
    STRING {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getString(column);
        }
    },
    BOOLEAN {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            boolean value = rs.getBoolean(column);
            return !value && rs.wasNull() ? null : Boolean.valueOf(value);
        }
    }
}
