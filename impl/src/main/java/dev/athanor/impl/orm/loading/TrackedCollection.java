package dev.athanor.impl.orm.loading;

import dev.athanor.impl.orm.mapping.RelationshipMapping;

import java.util.Collection;

/**
 * A {@code List} or {@code Set} the session installs in a collection relationship field: it loads on first use, tells
 * the session about every member added or removed (for {@code backPopulates}), and remembers that it changed, so
 * that a flush only compares the collections that did.
 */
public sealed interface TrackedCollection permits TrackedList, TrackedSet {

    /** The object whose field holds the collection. */
    Object ownerEntity();

    RelationshipMapping relationship();

    boolean isLoaded();

    /** Whether members were added or removed since the last load or flush. */
    boolean isModified();

    /** Replaces the contents without callbacks, marks it loaded and unmodified (after a load). */
    void loaded(Collection<?> members);

    /** Marks it unmodified (after a flush). */
    void clean();

    /** Adds or removes without callbacks (the back side of a change made elsewhere); no load if not loaded. */
    void addSilently(Object member);

    void removeSilently(Object member);

    /** The members without loading (empty when not loaded). */
    Collection<Object> raw();

    /** Makes it unloaded again (expired) or detaches it from its session. */
    void unload(CollectionOwner newOwner);

    /** A tracked List or Set for the relationship, unloaded, or loaded with {@code members} when not null. */
    static TrackedCollection of(RelationshipMapping relationship, Object owner, CollectionOwner session,
            Collection<?> members) {
        TrackedCollection collection = relationship.isSet() ? new TrackedSet(relationship, owner, session)
                : new TrackedList(relationship, owner, session);
        if (members != null) {
            collection.loaded(members);
        }
        return collection;
    }
}
