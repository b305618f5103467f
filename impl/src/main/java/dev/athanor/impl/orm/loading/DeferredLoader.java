package dev.athanor.impl.orm.loading;

/** What a lazy-loading subclass instance calls before a deferred column's or a to-one relationship's getter runs. */
public interface DeferredLoader {

    /** Loads the object's deferred columns that are not loaded yet (no SQL when all are). */
    void loadDeferred(Object entity);

    /** Loads the to-one relationship whose getter is {@code getterName}, if it is not loaded yet. */
    void loadToOne(Object entity, String getterName);
}
