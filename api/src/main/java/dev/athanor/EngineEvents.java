package dev.athanor;

/**
 * The listeners of an {@link Engine}. Adding or removing a listener is safe at any time, from any thread.
 *
 * {@snippet :
 * EngineListener counter = new StatementCounter();
 * engine.events().addListener(counter);
 * // ...
 * engine.events().removeListener(counter);
 * }
 */
public interface EngineEvents {

    /** Adds a listener; it sees every statement and transaction end from now on. */
    void addListener(EngineListener listener);

    /** Removes a listener added before; does nothing if it was not added. */
    void removeListener(EngineListener listener);
}
