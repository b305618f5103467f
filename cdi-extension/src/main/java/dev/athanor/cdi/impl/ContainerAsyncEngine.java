package dev.athanor.cdi.impl;

import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.asyncio.AsyncConnection;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncOptions;
import dev.athanor.asyncio.AsyncStatus;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The {@code AsyncEngine} bean: the database's async engine, except that only the container disposes it (at
 * shutdown), as {@link ContainerEngine} does for the blocking one.
 */
final class ContainerAsyncEngine implements AsyncEngine {
    private final AsyncEngine engine;

    ContainerAsyncEngine(AsyncEngine engine) {
        this.engine = engine;
    }

    @Override
    public CompletionStage<AsyncConnection> connect() {
        return engine.connect();
    }

    @Override
    public CompletionStage<Void> begin(Function<? super AsyncConnection, ? extends CompletionStage<?>> work) {
        return engine.begin(work);
    }

    @Override
    public <T> CompletionStage<T> inTransaction(Function<? super AsyncConnection, ? extends CompletionStage<T>> work) {
        return engine.inTransaction(work);
    }

    @Override
    public CompletionStage<Void> dispose() {
        return CompletableFuture.failedFuture(new InvalidRequestError("the injected AsyncEngine belongs to the "
                + "container, which disposes it at shutdown; build one of your own (AsyncEngine.builder(url)) to "
                + "dispose it yourself", null, "container-session"));
    }

    @Override
    public Engine sync() {
        return new ContainerEngine(engine.sync());
    }

    @Override
    public AsyncStatus status() {
        return engine.status();
    }

    @Override
    public AsyncOptions options() {
        return engine.options();
    }

    @Override
    public String toString() {
        return engine.toString();
    }
}
