package dev.athanor;

/**
 * Receives what an {@link Engine} does: each statement executed (with its duration) and each transaction end.
 * Called on the thread that did the work; keep it quick. Every method has an empty default.
 *
 * {@snippet :
 * LongAdder statements = new LongAdder();
 * engine.events().addListener(new EngineListener() {
 *     public void afterExecute(StatementEvent event) { statements.increment(); }
 * });
 * }
 */
public interface EngineListener {

    /** A statement was executed (successfully or not: see {@link StatementEvent#error()}). */
    default void afterExecute(StatementEvent event) {
    }

    /** A transaction was committed on a connection of this engine. */
    default void afterCommit() {
    }

    /** A transaction was rolled back on a connection of this engine. */
    default void afterRollback() {
    }
}
