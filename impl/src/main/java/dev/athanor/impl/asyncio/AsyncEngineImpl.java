package dev.athanor.impl.asyncio;

import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.ResourceClosedError;
import dev.athanor.asyncio.AsyncConnection;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncStatus;
import dev.athanor.impl.engine.EngineImpl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The async engine: a blocking engine, the FIFO queue of connection {@link Permits} (one per connection the pool can
 * lend) and the {@link Workers} that run the blocking calls.
 */
public final class AsyncEngineImpl implements AsyncEngine {
    /** Connections at once over a pool whose size Athanor does not know (an application server's DataSource). */
    static final int UNKNOWN_POOL_SIZE = 16;

    private final Engine sync;
    private final AsyncOptions options;
    private final boolean ownsEngine;
    private final Permits permits;
    private final Workers workers;
    private final ScheduledExecutorService timer;
    private volatile boolean disposed;

    public AsyncEngineImpl(Engine sync, AsyncOptions options, boolean ownsEngine) {
        this.sync = sync;
        this.options = options;
        this.ownsEngine = ownsEngine;
        long poolMax = sync.poolStatus().maxSize();
        int size = poolMax > 0 ? (int) poolMax : UNKNOWN_POOL_SIZE;
        this.timer = options.queueTimeout() == null ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "athanor-async-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.permits = new Permits(size, options.queueTimeout(), timer);
        this.workers = new Workers(options, size, "athanor-async");
    }

    Permits permits() {
        return permits;
    }

    Workers workers() {
        return workers;
    }

    /**
     * Why a call made on the caller's thread cannot run (null if it can): the engine is disposed, or a JTA
     * transaction is active on this thread, which the work on a worker thread would silently run outside of.
     */
    RuntimeException refusal(String what) {
        if (disposed) {
            return new ResourceClosedError("this AsyncEngine was disposed; " + what + " cannot run");
        }
        if (sync instanceof EngineImpl impl && impl.containerTransactionActive()) {
            return new InvalidRequestError(what + " inside a JTA transaction: async connections and sessions run on "
                    + "the AsyncEngine's worker threads, which the transaction (bound to this thread) does not reach, "
                    + "so the work would silently run outside it. Use the blocking Session/Connection inside "
                    + "@Transactional code, or call the async API outside the transaction", null, "async-in-jta");
        }
        return null;
    }

    @Override
    public CompletionStage<AsyncConnection> connect() {
        return new AsyncConnectionImpl(this).open();
    }

    @Override
    public CompletionStage<Void> begin(Function<? super AsyncConnection, ? extends CompletionStage<?>> work) {
        return inTransaction(conn -> Scopes.ignoringValue(work.apply(conn)));
    }

    @Override
    public <T> CompletionStage<T> inTransaction(Function<? super AsyncConnection, ? extends CompletionStage<T>> work) {
        AsyncConnectionImpl connection = new AsyncConnectionImpl(this);
        return connection.open().thenCompose(conn -> Scopes.transactional(() -> work.apply(conn), conn::commit,
                conn::rollback, connection::closeHere));
    }

    @Override
    public CompletionStage<Void> dispose() {
        disposed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        // its own thread: dispose() is often called from a callback that runs on one of the workers
        Thread closer = new Thread(() -> {
            try {
                workers.shutdown(30_000); // queued calls finish first
                if (timer != null) {
                    timer.shutdownNow();
                }
                if (ownsEngine) {
                    sync.dispose();
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "athanor-async-dispose");
        closer.setDaemon(true);
        closer.start();
        return done;
    }

    @Override
    public Engine sync() {
        return sync;
    }

    @Override
    public AsyncStatus status() {
        return new AsyncStatus(workers.threads(), workers.peakThreads(), permits.holding(), permits.peakHolding(),
                permits.waiting());
    }

    @Override
    public AsyncOptions options() {
        return options;
    }

    @Override
    public String toString() {
        return "AsyncEngine[" + sync + "]";
    }
}
