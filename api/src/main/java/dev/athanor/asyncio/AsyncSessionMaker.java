package dev.athanor.asyncio;

import dev.athanor.orm.Registry;
import dev.athanor.spi.AsyncServices;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Makes {@link AsyncSession}s (SQLAlchemy's {@code async_sessionmaker}), and runs work in one.
 *
 * {@snippet :
 * AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
 * sessions.begin(db -> db.add(a))                                         // commit at the end, rollback on failure
 *         .thenCompose(v -> sessions.inSession(db -> db.execute(select(A.class))
 *                 .thenApply(result -> result.scalars().all())));        // CompletionStage<List<A>>
 * }
 */
public interface AsyncSessionMaker {

    /** Sessions over {@code engine}; annotated classes are mapped on first use. */
    static AsyncSessionMaker of(AsyncEngine engine) {
        return AsyncServices.get().sessionMaker(engine, null);
    }

    static AsyncSessionMaker of(AsyncEngine engine, Registry registry) {
        return AsyncServices.get().sessionMaker(engine, registry);
    }

    /** A new session; it takes a connection on its first database call. */
    AsyncSession open();

    /**
     * Runs {@code work} in a new session whose transaction commits when the stage {@code work} returns completes,
     * and rolls back if {@code work} throws or its stage fails; the session is closed either way.
     */
    CompletionStage<Void> begin(Function<? super AsyncSession, ? extends CompletionStage<?>> work);

    /** As {@link #begin}, with the value of the stage {@code work} returns. */
    <T> CompletionStage<T> inTransaction(Function<? super AsyncSession, ? extends CompletionStage<T>> work);

    /**
     * Runs {@code work} in a new session and closes it when the stage completes (what was not committed is rolled
     * back): SQLAlchemy's {@code async with async_session() as session}.
     */
    <T> CompletionStage<T> inSession(Function<? super AsyncSession, ? extends CompletionStage<T>> work);

    /** A maker whose sessions expire every object at commit (off by default, as SQLAlchemy advises for asyncio). */
    AsyncSessionMaker withExpireOnCommit(boolean expireOnCommit);

    AsyncSessionMaker withAutoflush(boolean autoflush);

    boolean expireOnCommit();

    AsyncEngine engine();

    Registry registry();
}
