package dev.athanor.asyncio;

import dev.athanor.Connection;
import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.Row;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pooled connection whose calls return {@link CompletionStage}s (SQLAlchemy's {@code AsyncConnection}). Its
 * blocking work runs on the engine's worker threads, one call at a time: a second call while one is running fails
 * at once with an {@link dev.athanor.InvalidRequestError} ("concurrent operations are not permitted"); chain calls
 * with {@code thenCompose}. Results of {@link #execute} are buffered (the cursor is read and closed on the worker);
 * {@link #stream} reads a cursor in batches as the subscriber asks.
 *
 * <p>Cancelling the future of a running call ({@code toCompletableFuture().cancel(true)}) cancels its JDBC statement,
 * rolls the transaction back and returns the connection to the pool; later calls fail, saying it was cancelled.
 *
 * {@snippet :
 * engine.connect().thenCompose(conn -> conn.execute(text("INSERT INTO t (x) VALUES (:x)"), Map.of("x", 1))
 *         .thenCompose(r -> conn.commit())
 *         .whenComplete((v, e) -> conn.close()));
 * }
 */
public interface AsyncConnection {

    /** Runs a statement; its rows are read on the worker and buffered. */
    CompletionStage<Result> execute(Executable statement);

    CompletionStage<Result> execute(Executable statement, Map<String, ?> parameters);

    /** executemany: one JDBC batch of all parameter sets. */
    CompletionStage<Result> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /** The first column of the first row, or null. */
    CompletionStage<Object> scalar(Executable statement);

    CompletionStage<Object> scalar(Executable statement, Map<String, ?> parameters);

    /**
     * The rows of a query as they are fetched: each subscription runs the statement, fetches as many rows as the
     * subscriber requested (at most the engine's stream batch size a round trip), and closes the cursor when all are
     * delivered, on error or when the subscription is cancelled. The connection is busy meanwhile.
     */
    Flow.Publisher<Row> stream(Executable statement);

    Flow.Publisher<Row> stream(Executable statement, Map<String, ?> parameters);

    /** Begins the transaction explicitly (a statement begins one too). */
    CompletionStage<AsyncTransaction> begin();

    /** A SAVEPOINT inside the transaction. */
    CompletionStage<AsyncTransaction> beginNested();

    CompletionStage<Void> commit();

    CompletionStage<Void> rollback();

    /** Rolls back what was not committed and returns the connection to the pool. Closing twice is allowed. */
    CompletionStage<Void> close();

    /**
     * Runs blocking code with the connection underneath on its worker thread (SQLAlchemy's {@code run_sync}):
     * {@code conn.runSync(c -> registry.metadata().createAll(c))}.
     */
    CompletionStage<Void> runSync(Consumer<? super Connection> work);

    /** As {@link #runSync}, with a value. */
    <T> CompletionStage<T> callSync(Function<? super Connection, ? extends T> work);

    boolean isClosed();

    /** Whether a transaction is open (as last seen by a finished call). */
    boolean inTransaction();

    AsyncEngine engine();
}
