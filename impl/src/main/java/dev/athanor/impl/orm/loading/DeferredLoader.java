package dev.athanor.impl.orm.loading;

/** What a lazy-loading subclass instance calls before a deferred column's getter runs. */
public interface DeferredLoader {

    /** Loads the object's deferred columns that are not loaded yet (no SQL when all are). */
    void loadDeferred(Object entity);
}
