package dev.athanor.orm;

import dev.athanor.InvalidRequestError;

/**
 * A relationship was about to load lazily where that is forbidden: it was selected with {@code raiseLoad}, mapped
 * with {@code lazy = RAISE}, or the session's {@link NPlusOneGuard} in {@code RAISE} mode saw the same lazy load too
 * many times. The message names the attribute and the loader option that avoids the load.
 *
 * {@snippet :
 * List<Group> groups = session.scalars(select(Group.class).options(raiseLoad(Group_.members))).all();
 * groups.get(0).members.size();   // LazyLoadError: Group.members is not loaded and raiseLoad forbids loading it ...
 * }
 */
public class LazyLoadError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public LazyLoadError(String message) {
        super(message, null, "lazy-load");
    }
}
