package dev.athanor;

/**
 * A transaction, or a SAVEPOINT when nested, begun with {@link Connection#begin()} or
 * {@link Connection#beginNested()}. Closing it while still active rolls it back.
 *
 * {@snippet :
 * try (Transaction savepoint = conn.beginNested()) {
 *     conn.execute(text("INSERT INTO t (x) VALUES (1)"));
 *     savepoint.commit();            // RELEASE SAVEPOINT
 * }                                  // without commit(): ROLLBACK TO SAVEPOINT
 * }
 */
public interface Transaction extends AutoCloseable {

    /** Commits the transaction (releases the savepoint, when nested). */
    void commit();

    /** Rolls the transaction back (to the savepoint, when nested). */
    void rollback();

    /** Whether neither commit nor rollback ended it yet. */
    boolean isActive();

    /** Whether this is a SAVEPOINT inside an outer transaction. */
    boolean isNested();

    /** Rolls back if still active. */
    @Override
    void close();
}
