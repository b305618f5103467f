package dev.athanor.impl.orm.loading;

/**
 * What a tracked collection calls back: the session that loads it on first use and keeps the other side of a
 * {@code backPopulates} pair in step as members come and go.
 */
public interface CollectionOwner {

    /** Fills {@code collection} from the database (or fails: detached, raiseLoad). */
    void loadCollection(TrackedCollection collection);

    /** {@code member} joined {@code collection}: set the back side. */
    void memberAdded(TrackedCollection collection, Object member);

    /** {@code member} left {@code collection}: clear the back side. */
    void memberRemoved(TrackedCollection collection, Object member);
}
