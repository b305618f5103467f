package dev.athanor.asyncio;

import dev.athanor.Engine;
import dev.athanor.EngineBuilder;
import dev.athanor.IsolationLevel;
import dev.athanor.spi.AsyncServices;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Collects the options of an {@link AsyncEngine}: every option of {@link EngineBuilder} (same names, same
 * defaults) and how the blocking work is run.
 *
 * {@snippet :
 * AsyncEngine engine = AsyncEngine.builder("postgresql://app@localhost:5432/app")
 *         .poolSize(10).maxOverflow(0)          // 10 connections, 10 worker threads
 *         .echo(true)
 *         .build();
 * }
 */
public final class AsyncEngineBuilder {
    private final EngineBuilder engine;
    private AsyncOptions async = AsyncOptions.DEFAULTS;

    AsyncEngineBuilder(String url) {
        this.engine = Engine.builder(url);
    }

    public AsyncEngineBuilder echo(boolean echo) {
        engine.echo(echo);
        return this;
    }

    public AsyncEngineBuilder hideParameters(boolean hideParameters) {
        engine.hideParameters(hideParameters);
        return this;
    }

    public AsyncEngineBuilder poolSize(int poolSize) {
        engine.poolSize(poolSize);
        return this;
    }

    public AsyncEngineBuilder maxOverflow(int maxOverflow) {
        engine.maxOverflow(maxOverflow);
        return this;
    }

    /** How long the blocking pool waits for a connection; the async queue has its own {@link #queueTimeout}. */
    public AsyncEngineBuilder poolTimeout(Duration poolTimeout) {
        engine.poolTimeout(poolTimeout);
        return this;
    }

    public AsyncEngineBuilder poolRecycle(Duration poolRecycle) {
        engine.poolRecycle(poolRecycle);
        return this;
    }

    public AsyncEngineBuilder prePing(boolean prePing) {
        engine.prePing(prePing);
        return this;
    }

    public AsyncEngineBuilder leakDetection(Duration leakDetection) {
        engine.leakDetection(leakDetection);
        return this;
    }

    public AsyncEngineBuilder user(String user) {
        engine.user(user);
        return this;
    }

    public AsyncEngineBuilder password(String password) {
        engine.password(password);
        return this;
    }

    public AsyncEngineBuilder isolationLevel(IsolationLevel isolationLevel) {
        engine.isolationLevel(isolationLevel);
        return this;
    }

    public AsyncEngineBuilder isolationLevel(String isolationLevel) {
        engine.isolationLevel(isolationLevel);
        return this;
    }

    public AsyncEngineBuilder connectArgs(Map<String, ?> connectArgs) {
        engine.connectArgs(connectArgs);
        return this;
    }

    public AsyncEngineBuilder queryCacheSize(int size) {
        engine.queryCacheSize(size);
        return this;
    }

    /**
     * How many prepared statements each pooled connection keeps for reuse, as {@link EngineBuilder#statementCacheSize}
     * (default {@value dev.athanor.EngineOptions#DEFAULT_STATEMENT_CACHE_SIZE}, 0 turns it off). The tasks of the
     * async engine run on its connections and use the cache too: a {@code cancel} that comes after a statement went
     * back to the cache never reaches it; only {@code stream()}, which sets a fetch size, prepares statements of its
     * own.
     *
     * @throws dev.athanor.ArgumentError if {@code size} is negative
     */
    public AsyncEngineBuilder statementCacheSize(int size) {
        engine.statementCacheSize(size);
        return this;
    }

    /** Runs the blocking work on this executor instead of threads owned by the engine. */
    public AsyncEngineBuilder executor(Executor executor) {
        async = async.withExecutor(executor);
        return this;
    }

    /**
     * One virtual thread per task instead of a fixed pool of platform threads (Java 21 or newer; an error on 17).
     * Off by default: JDBC drivers that block inside {@code synchronized} pin the carrier thread before Java 24.
     */
    public AsyncEngineBuilder virtualThreads(boolean virtualThreads) {
        async = async.withVirtualThreads(virtualThreads);
        return this;
    }

    /** How long a task may wait in the queue for a connection; by default as long as it takes. */
    public AsyncEngineBuilder queueTimeout(Duration queueTimeout) {
        async = async.withQueueTimeout(queueTimeout);
        return this;
    }

    /** Rows fetched per round trip by {@code stream()} (default 1,000): the bound on rows read ahead of demand. */
    public AsyncEngineBuilder streamBatchSize(int rows) {
        async = async.withStreamBatchSize(rows);
        return this;
    }

    /** The async options collected so far. */
    public AsyncOptions asyncOptions() {
        return async;
    }

    /** The blocking engine's builder underneath (options set there count too). */
    public EngineBuilder engineBuilder() {
        return engine;
    }

    /** Builds the blocking engine and the async engine over it; {@code dispose()} closes both. */
    public AsyncEngine build() {
        return AsyncServices.get().engine(engine.build(), async, true);
    }
}
