package dev.athanor.impl.asyncio;

import dev.athanor.Connection;
import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.Transaction;
import dev.athanor.asyncio.AsyncConnection;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncTransaction;
import dev.athanor.impl.result.BufferedResult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/** An async connection: a blocking {@link Connection} driven through a {@link Lane}. */
final class AsyncConnectionImpl implements AsyncConnection, Lane.Owner {
    private final AsyncEngineImpl engine;
    private final Lane lane;
    private volatile Connection connection; // set by open(), on a worker
    private volatile boolean inTransaction;

    AsyncConnectionImpl(AsyncEngineImpl engine) {
        this.engine = engine;
        this.lane = new Lane(engine, "AsyncConnection");
        lane.owner(this);
    }

    CompletionStage<AsyncConnection> open() {
        return lane.call("connect", () -> {
            connection = engine.sync().connect();
            return this;
        });
    }

    // ------------------------------------------------------------------ Lane.Owner (on a worker)

    @Override
    public boolean holdsConnection() {
        Connection conn = connection;
        if (conn != null) {
            inTransaction = !conn.isClosed() && conn.inTransaction();
        }
        return conn != null && !conn.isClosed();
    }

    @Override
    public void abandon() {
        Connection conn = connection;
        if (conn != null) {
            try {
                conn.rollback();
            } finally {
                conn.close();
                inTransaction = false;
            }
        }
    }

    private <T> CompletableFuture<T> run(String name, Function<Connection, T> work) {
        return lane.call(name, () -> work.apply(connection));
    }

    // ------------------------------------------------------------------ API

    @Override
    public CompletionStage<Result> execute(Executable statement) {
        return run("execute", conn -> BufferedResult.of(conn.execute(statement)));
    }

    @Override
    public CompletionStage<Result> execute(Executable statement, Map<String, ?> parameters) {
        return run("execute", conn -> BufferedResult.of(conn.execute(statement, parameters)));
    }

    @Override
    public CompletionStage<Result> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return run("executeMany", conn -> BufferedResult.of(conn.execute(statement, parameterSets)));
    }

    @Override
    public CompletionStage<Object> scalar(Executable statement) {
        return run("scalar", conn -> conn.scalar(statement));
    }

    @Override
    public CompletionStage<Object> scalar(Executable statement, Map<String, ?> parameters) {
        return run("scalar", conn -> conn.scalar(statement, parameters));
    }

    @Override
    public Flow.Publisher<Row> stream(Executable statement) {
        return stream(statement, Map.of());
    }

    @Override
    public Flow.Publisher<Row> stream(Executable statement, Map<String, ?> parameters) {
        return new CursorPublisher<>(engine, lane, "stream", () -> {
            Result result = connection.execute(statement, parameters);
            return CursorPublisher.Fetcher.of(result, result::fetchMany);
        });
    }

    @Override
    public CompletionStage<AsyncTransaction> begin() {
        return run("begin", conn -> new AsyncTransactionImpl(this, conn.begin(), false));
    }

    @Override
    public CompletionStage<AsyncTransaction> beginNested() {
        return run("beginNested", conn -> new AsyncTransactionImpl(this, conn.beginNested(), true));
    }

    /** Commits or rolls back {@code transaction} through the lane. */
    CompletionStage<Void> end(Transaction transaction, boolean commit) {
        return run(commit ? "commit" : "rollback", conn -> {
            if (commit) {
                transaction.commit();
            } else {
                transaction.rollback();
            }
            return null;
        });
    }

    @Override
    public CompletionStage<Void> commit() {
        return run("commit", conn -> {
            conn.commit();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> rollback() {
        return run("rollback", conn -> {
            conn.rollback();
            return null;
        });
    }

    @Override
    public CompletionStage<Void> close() {
        return close(false);
    }

    /** {@link #close()} for the end of {@code inTransaction}: no hand-off when already on the lane's worker. */
    CompletionStage<Void> closeHere() {
        return close(true);
    }

    private CompletionStage<Void> close(boolean here) {
        if (lane.isClosed() || lane.isCancelled() || connection == null) {
            lane.markClosed();
            return CompletableFuture.completedFuture(null);
        }
        return here ? lane.callHere("close", this::closeNow) : lane.call("close", this::closeNow);
    }

    private Void closeNow() {
        try {
            connection.close();
        } finally {
            lane.markClosed(); // before the future completes: isClosed() is true in its callbacks
        }
        return null;
    }

    @Override
    public CompletionStage<Void> runSync(Consumer<? super Connection> work) {
        return run("runSync", conn -> {
            work.accept(conn);
            return null;
        });
    }

    @Override
    public <T> CompletionStage<T> callSync(Function<? super Connection, ? extends T> work) {
        return run("callSync", work::apply);
    }

    @Override
    public boolean isClosed() {
        return lane.isClosed();
    }

    @Override
    public boolean inTransaction() {
        return inTransaction;
    }

    @Override
    public AsyncEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "AsyncConnection[" + connection + "]";
    }
}
