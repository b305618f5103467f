package dev.athanor.orm;

import dev.athanor.InvalidRequestError;

/**
 * An unloaded attribute of an object was read after the object left its session (the session closed, or the object
 * was expunged): nothing can load it any more. The message names the entity, its key and the attribute, and says
 * how to load it while the session is open ({@code selectinLoad}, {@code joinedLoad}, {@code undefer}).
 *
 * {@snippet :
 * Group group;
 * try (Session session = sessions.open()) { group = session.get(Group.class, 1); }
 * group.members.size();   // DetachedInstanceError: Group(id=1).members is not loaded and Group(id=1) is detached ...
 * }
 */
public class DetachedInstanceError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public DetachedInstanceError(String message) {
        super(message, null, "detached");
    }
}
