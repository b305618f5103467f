package dev.athanor.orm;

import dev.athanor.ExecutionOption;

/**
 * How a session keeps its objects in step with an ORM-enabled UPDATE or DELETE ({@code update(User.class)}), as
 * SQLAlchemy's {@code synchronize_session}.
 *
 * {@snippet :
 * session.execute(update(User.class).where(User_.name.eq("john")).values(User_.name, "John")
 *         .executionOptions(SynchronizeSession.FETCH));
 * }
 */
public enum SynchronizeSession implements ExecutionOption {
    /** Leave the objects in the session as they are. */
    FALSE,
    /** Find the matching rows' keys (RETURNING, or a SELECT first) and update or remove exactly those objects. */
    FETCH,
    /**
     * The default: evaluate the WHERE clause in Java against the objects in the session and update or remove the
     * ones that match; an error when the criteria cannot be evaluated in Java (then use FETCH or FALSE).
     */
    EVALUATE
}
