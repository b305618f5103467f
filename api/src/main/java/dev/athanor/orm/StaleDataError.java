package dev.athanor.orm;

import dev.athanor.InvalidRequestError;

/**
 * An UPDATE or DELETE of a flushed object matched no row: the row was deleted, or its {@code @Version} changed since
 * it was loaded (another transaction got there first). The message names the entity and its key.
 *
 * {@snippet :
 * try { session.commit(); } catch (StaleDataError e) { session.rollback(); retry(); }
 * }
 */
public class StaleDataError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public StaleDataError(String message) {
        super(message, null, "stale-data");
    }
}
