package dev.athanor.impl.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row into the Java value Athanor hands out; chosen once per result column. */
@FunctionalInterface
public interface ColumnReader {

    /** The default: whatever the driver's {@code getObject} gives. */
    ColumnReader OBJECT = TypedReader.OBJECT;

    Object read(ResultSet rs, int column) throws SQLException;
}
