package dev.athanor.asyncio;

import dev.athanor.Engine;
import dev.athanor.spi.AsyncServices;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * An engine whose database calls return {@link CompletionStage}s (SQLAlchemy's {@code AsyncEngine}): a blocking
 * {@link Engine} underneath, its JDBC work run on threads the async engine owns, never on the caller's.
 *
 * <p>Execution model: a task that needs a connection waits in one FIFO queue, without a thread, until a pooled
 * connection is free for it; then it runs on one of the engine's worker threads (a fixed pool of platform threads,
 * one per pooled connection, on Java 17; optionally a virtual thread per task on Java 21+, or an executor of the
 * application's). 10,000 tasks over a pool of 10 connections therefore use 10 threads and 10 connections and finish
 * in order of arrival; they never see a {@link dev.athanor.PoolTimeoutError} unless a
 * {@link AsyncEngineBuilder#queueTimeout queueTimeout} is set. Over an application server's DataSource, whose size
 * Athanor does not know, 16 connections are used at once.
 *
 * {@snippet :
 * AsyncEngine engine = AsyncEngine.create("jdbc:h2:mem:demo");
 * engine.begin(conn -> conn.execute(text("CREATE TABLE t (x int)")))
 *       .thenCompose(v -> engine.connect())
 *       .thenCompose(conn -> conn.scalar(text("SELECT count(*) FROM t")).whenComplete((n, e) -> conn.close()))
 *       .thenCompose(n -> engine.dispose())
 *       .toCompletableFuture().join();
 * }
 */
public interface AsyncEngine {

    /** An async engine over a new engine for {@code url} with default options. */
    static AsyncEngine create(String url) {
        return builder(url).build();
    }

    /** Every option of {@link dev.athanor.EngineBuilder}, and the async ones. */
    static AsyncEngineBuilder builder(String url) {
        return new AsyncEngineBuilder(url);
    }

    /** An async engine over an existing engine; {@link #dispose()} leaves {@code engine} open. */
    static AsyncEngine of(Engine engine) {
        return of(engine, AsyncOptions.DEFAULTS);
    }

    /** An async engine over an existing engine with these async options. */
    static AsyncEngine of(Engine engine, AsyncOptions options) {
        return AsyncServices.get().engine(engine, options, false);
    }

    /**
     * A connection of the pool, when one is free (the stage waits in the engine's queue, not a thread). Close it
     * with {@link AsyncConnection#close()}.
     */
    CompletionStage<AsyncConnection> connect();

    /**
     * "Begin once": runs {@code work} in a transaction that commits when the stage it returns completes, or rolls
     * back if it fails, then closes the connection. {@code engine.begin(conn -> conn.execute(...))}.
     */
    CompletionStage<Void> begin(Function<? super AsyncConnection, ? extends CompletionStage<?>> work);

    /** As {@link #begin}, with the value of the stage {@code work} returns. */
    <T> CompletionStage<T> inTransaction(Function<? super AsyncConnection, ? extends CompletionStage<T>> work);

    /** Closes the pool (of an engine it created) and ends its threads, once queued tasks are done. */
    CompletionStage<Void> dispose();

    /** The blocking engine underneath (SQLAlchemy's {@code sync_engine}). */
    Engine sync();

    /** Threads, queue and held connections now. */
    AsyncStatus status();

    /** The options this engine runs with. */
    AsyncOptions options();
}
