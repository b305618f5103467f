package dev.athanor.impl.asyncio;

import dev.athanor.ArgumentError;
import dev.athanor.asyncio.AsyncEngine;
import dev.athanor.asyncio.AsyncSession;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.impl.orm.session.SessionImpl;
import dev.athanor.orm.Registry;
import dev.athanor.orm.SessionMaker;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/** Makes async sessions over a blocking {@link SessionMaker} of the async engine's blocking engine. */
final class AsyncSessionMakerImpl implements AsyncSessionMaker {
    private final AsyncEngineImpl engine;
    private final SessionMaker sessions;
    private final boolean expireOnCommit;

    AsyncSessionMakerImpl(AsyncEngineImpl engine, SessionMaker sessions, boolean expireOnCommit) {
        this.engine = engine;
        this.sessions = sessions;
        this.expireOnCommit = expireOnCommit;
    }

    @Override
    public AsyncSession open() {
        return openImpl();
    }

    private AsyncSessionImpl openImpl() {
        if (!(sessions.open() instanceof SessionImpl session)) {
            throw new ArgumentError("the SessionMaker " + sessions + " does not make athanor-impl sessions");
        }
        return new AsyncSessionImpl(engine, this, session);
    }

    @Override
    public CompletionStage<Void> begin(Function<? super AsyncSession, ? extends CompletionStage<?>> work) {
        return inTransaction(session -> Scopes.ignoringValue(work.apply(session)));
    }

    @Override
    public <T> CompletionStage<T> inTransaction(Function<? super AsyncSession, ? extends CompletionStage<T>> work) {
        AsyncSessionImpl session = openImpl();
        return Scopes.transactional(() -> work.apply(session), session::commitHere, session::rollback,
                session::closeHere);
    }

    @Override
    public <T> CompletionStage<T> inSession(Function<? super AsyncSession, ? extends CompletionStage<T>> work) {
        AsyncSessionImpl session = openImpl();
        return Scopes.closing(() -> work.apply(session), session::closeHere);
    }

    @Override
    public AsyncSessionMaker withExpireOnCommit(boolean value) {
        return new AsyncSessionMakerImpl(engine, sessions, value);
    }

    @Override
    public AsyncSessionMaker withAutoflush(boolean value) {
        return new AsyncSessionMakerImpl(engine, sessions.withAutoflush(value), expireOnCommit);
    }

    @Override
    public boolean expireOnCommit() {
        return expireOnCommit;
    }

    @Override
    public AsyncEngine engine() {
        return engine;
    }

    @Override
    public Registry registry() {
        return sessions.registry();
    }
}
