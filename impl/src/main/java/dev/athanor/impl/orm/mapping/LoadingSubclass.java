package dev.athanor.impl.orm.mapping;

/**
 * Marks the subclasses generated for entities with deferred columns, so that the registry maps an instance of one to
 * its entity's mapper. The loading layer implements the state slot.
 */
public interface LoadingSubclass {

    /** The per-instance state the session attached, or null. */
    Object athanor$state();

    void athanor$state(Object state);
}
