package dev.athanor.impl.result;

import java.sql.SQLException;

/** What a {@link CursorResult} needs from the connection that produced it. */
public interface ResultOwner {

    /** The result released its cursor; forget it. */
    void resultClosed(CursorResult result);

    /** The exception to throw for a driver error while fetching rows of {@code sql}. */
    RuntimeException fetchError(SQLException error, String sql);
}
