package dev.athanor;

import java.util.List;
import java.util.Map;

/**
 * One database connection checked out of an {@link Engine}'s pool (SQLAlchemy's {@code Connection}). Not thread-safe:
 * use it from one thread, and close it to give it back.
 *
 * <p>Transactions begin by themselves ("autobegin"): the first statement starts one, {@link #commit()} or
 * {@link #rollback()} ends it, and the next statement starts a new one. {@link #close()} rolls back whatever was not
 * committed.
 *
 * {@snippet :
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("CREATE TABLE some_table (x int, y int)"));
 *     conn.execute(text("INSERT INTO some_table (x, y) VALUES (:x, :y)"),
 *             List.of(Map.of("x", 1, "y", 1), Map.of("x", 2, "y", 4)));   // one JDBC batch
 *     conn.commit();
 *     for (Row row : conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2))) {
 *         System.out.println(row.get("x") + ", " + row.get(1));
 *     }
 * }
 * }
 */
public interface Connection extends AutoCloseable {

    /** Executes a statement with the values bound into it (if any). */
    Result execute(Executable statement);

    /**
     * Executes a statement with these parameter values (for text SQL, one per {@code :name}; a {@code Collection}
     * value expands to a list of binds, for {@code IN (:ids)}).
     *
     * @throws ArgumentError before anything is sent, if a bind has no value or a value names no bind
     */
    Result execute(Executable statement, Map<String, ?> parameters);

    /**
     * Executes a statement once per parameter map, as one JDBC batch ("executemany"); multi-row rewriting is enabled
     * where the driver supports it. The result returns no rows; {@link Result#rowcount()} is the sum of the counts,
     * or -1 when the driver does not report them.
     */
    Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /** Executes the statement and returns the first column of its first row, or null if it returns none. */
    Object scalar(Executable statement);

    /** As {@link #scalar(Executable)}, with parameter values. */
    Object scalar(Executable statement, Map<String, ?> parameters);

    /**
     * Begins a transaction explicitly; usually not needed, as the first statement begins one by itself.
     *
     * @throws InvalidRequestError if a transaction is already in progress
     */
    Transaction begin();

    /**
     * Begins a nested transaction, a SAVEPOINT (beginning the outer transaction first if needed). Its
     * {@link Transaction#commit()} releases the savepoint; its {@link Transaction#rollback()} rolls back to it, and
     * the outer transaction goes on.
     */
    Transaction beginNested();

    /** Commits the transaction in progress, if any. */
    void commit();

    /** Rolls back the transaction in progress, if any. */
    void rollback();

    /** Whether a transaction is in progress (begun explicitly or by autobegin). */
    boolean inTransaction();

    /** Whether a SAVEPOINT from {@link #beginNested()} is active. */
    boolean inNestedTransaction();

    /** Whether this connection was closed. */
    boolean isClosed();

    /**
     * Closes the underlying database connection instead of giving it back to the pool, e.g. after an error that
     * left it in an unknown state. This object is closed afterwards.
     */
    void invalidate();

    /** The engine this connection came from. */
    Engine engine();

    /** Access to what lies under this connection: {@code unwrap(java.sql.Connection.class)}. */
    <T> T unwrap(Class<T> type);

    /**
     * Sets options for every statement of this connection from now on (SQLAlchemy's
     * {@code Connection.execution_options}) and returns it: {@code engine.connect().executionOptions(Routing.REPLICA)}
     * sends its reads to a read replica. An option on a statement wins over the connection's.
     */
    default Connection executionOptions(ExecutionOption... options) {
        throw new InvalidRequestError("this connection (" + getClass().getName() + ") takes no execution options");
    }

    /** Rolls back what was not committed and gives the connection back to the pool. Idempotent. */
    @Override
    void close();
}
