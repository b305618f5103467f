package dev.athanor.orm;

import dev.athanor.InvalidRequestError;

/**
 * A flush that cannot be carried out as asked (e.g. an object with a null key that the database does not generate,
 * or a session that must be rolled back after an earlier failed flush).
 *
 * {@snippet :
 * try { session.flush(); } catch (FlushError e) { session.rollback(); }
 * }
 */
public class FlushError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public FlushError(String message) {
        super(message, null, "flush");
    }

    public FlushError(String message, Throwable cause) {
        super(message, cause, "flush");
    }
}
