package dev.athanor.impl.asyncio;

import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.Select;
import dev.athanor.asyncio.AsyncSession;
import dev.athanor.asyncio.AsyncSessionMaker;
import dev.athanor.impl.orm.loading.CoreEntityResult;
import dev.athanor.impl.orm.session.EntityCursor;
import dev.athanor.impl.orm.session.SessionImpl;
import dev.athanor.impl.result.BufferedResult;
import dev.athanor.orm.EntityResult;
import dev.athanor.orm.LazyLoadError;
import dev.athanor.orm.Session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An async session: a blocking {@link SessionImpl} driven through a {@link Lane}. Lazy and deferred loads are
 * allowed only on the lane's worker during a call (runSync, or loads a call does itself); anywhere else they fail
 * with {@link LazyLoadError} naming the attribute and the fixes.
 */
final class AsyncSessionImpl implements AsyncSession, Lane.Owner {
    private final AsyncEngineImpl engine;
    private final AsyncSessionMakerImpl maker;
    private final SessionImpl session;
    private final Lane lane;

    AsyncSessionImpl(AsyncEngineImpl engine, AsyncSessionMakerImpl maker, SessionImpl session) {
        this.engine = engine;
        this.maker = maker;
        this.session = session;
        this.lane = new Lane(engine, "AsyncSession");
        lane.owner(this);
        session.implicitLoadCheck(this::checkImplicitLoad);
    }

    private void checkImplicitLoad(String attribute) {
        if (lane.onWorkerNow()) {
            return;
        }
        int dot = attribute.indexOf('.');
        String entity = attribute.substring(0, dot);
        String name = attribute.substring(dot + 1);
        String variable = Character.toLowerCase(entity.charAt(0)) + entity.substring(1);
        throw new LazyLoadError(attribute + " is not loaded, and an object of an AsyncSession cannot load it here: a "
                + "lazy load runs blocking SQL, which an AsyncSession runs only on its worker threads (SQLAlchemy's "
                + "MissingGreenlet). Load it with the query: select(" + entity + ".class).options(selectinLoad("
                + entity + "_." + name + ")); or first session.refresh(" + variable + ", \"" + name + "\"); or read it "
                + "inside session.runSync(s -> ...)");
    }

    // ------------------------------------------------------------------ Lane.Owner (on a worker)

    @Override
    public boolean holdsConnection() {
        return session.holdsConnection();
    }

    @Override
    public void abandon() {
        try {
            session.rollback();
        } finally {
            session.close();
        }
    }

    private <T> CompletableFuture<T> run(String name, Function<SessionImpl, T> work) {
        return lane.call(name, () -> work.apply(session));
    }

    private CompletableFuture<Void> runVoid(String name, Consumer<SessionImpl> work) {
        return lane.call(name, () -> {
            work.accept(session);
            return null;
        });
    }

    // ------------------------------------------------------------------ unit of work

    @Override
    public CompletionStage<Void> add(Object entity) {
        return lane.local("add", () -> {
            session.add(entity);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> addAll(Collection<?> entities) {
        return lane.local("addAll", () -> {
            session.addAll(entities);
            return null;
        });
    }

    @Override
    public CompletionStage<Void> delete(Object entity) {
        return runVoid("delete", s -> s.delete(entity));
    }

    @Override
    public CompletionStage<Void> flush() {
        return runVoid("flush", SessionImpl::flush);
    }

    @Override
    public CompletionStage<Void> commit() {
        return lane.call("commit", this::commitNow);
    }

    /** {@link #commit()} for the end of {@code inTransaction}: run right away when already on the lane's worker. */
    CompletionStage<Void> commitHere() {
        return lane.callHere("commit", this::commitNow);
    }

    private Void commitNow() {
        session.commit();
        if (maker.expireOnCommit()) {
            session.expireAll();
        }
        return null;
    }

    @Override
    public CompletionStage<Void> rollback() {
        return runVoid("rollback", SessionImpl::rollback);
    }

    @Override
    public CompletionStage<Void> close() {
        return close(false);
    }

    /** {@link #close()} for the end of {@code inSession}/{@code inTransaction}: no hand-off when on the worker. */
    CompletionStage<Void> closeHere() {
        return close(true);
    }

    private CompletionStage<Void> close(boolean here) {
        if (lane.isClosed() || lane.isCancelled()) {
            lane.markClosed();
            return CompletableFuture.completedFuture(null);
        }
        if (!lane.holdsPermit()) {
            return lane.local("close", this::closeNow); // no connection held: nothing to send
        }
        return here ? lane.callHere("close", this::closeNow) : lane.call("close", this::closeNow);
    }

    private Void closeNow() {
        try {
            session.close();
        } finally {
            lane.markClosed(); // before the future completes: isClosed() is true in its callbacks
        }
        return null;
    }

    // ------------------------------------------------------------------ identity map

    @Override
    public <E> CompletionStage<E> get(Class<E> entity, Object primaryKey) {
        return lane.call("get", () -> session.get(entity, primaryKey)); // one lambda: the hottest call
    }

    @Override
    public CompletionStage<Void> refresh(Object entity, String... attributes) {
        return runVoid("refresh", s -> {
            s.refresh(entity);
            for (String attribute : attributes) {
                s.loadRelationship(entity, attribute);
            }
        });
    }

    @Override
    public <E> CompletionStage<E> merge(E entity) {
        return run("merge", s -> s.merge(entity));
    }

    // ------------------------------------------------------------------ queries

    @Override
    public CompletionStage<Result> execute(Executable statement) {
        return run("execute", s -> BufferedResult.of(s.execute(statement)));
    }

    @Override
    public <E> CompletionStage<EntityResult<E>> execute(Select<E> statement) {
        return run("execute", s -> buffered(s.execute(statement)));
    }

    private static <E> EntityResult<E> buffered(EntityResult<E> result) {
        return result instanceof CoreEntityResult<E> core ? new CoreEntityResult<>(BufferedResult.of(core.result()))
                : result; // entity results are buffered by the ORM already
    }

    @Override
    public CompletionStage<Result> execute(Executable statement, Map<String, ?> parameters) {
        return run("execute", s -> BufferedResult.of(s.execute(statement, parameters)));
    }

    @Override
    public CompletionStage<Result> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return run("executeMany", s -> BufferedResult.of(s.execute(statement, parameterSets)));
    }

    @Override
    public <E> CompletionStage<ScalarResult<E>> scalars(Select<E> statement) {
        return run("scalars", s -> buffered(s.execute(statement)).scalars());
    }

    @Override
    public CompletionStage<Object> scalar(Executable statement) {
        return run("scalar", s -> s.scalar(statement));
    }

    @Override
    public <E> Flow.Publisher<E> stream(Select<E> statement) {
        return new CursorPublisher<>(engine, lane, "stream", () -> {
            if (statement.entity() instanceof Class<?>) { // entities a batch at a time (yield_per)
                EntityCursor<E> cursor = session.openEntities(statement);
                return CursorPublisher.Fetcher.of(cursor, cursor::fetch);
            }
            EntityResult<E> result = session.execute(statement); // a column select: a Core cursor underneath
            ScalarResult<E> values = result.scalars();
            return CursorPublisher.Fetcher.of(result, values::fetchMany);
        });
    }

    @Override
    public Flow.Publisher<Row> stream(Executable statement) {
        return new CursorPublisher<>(engine, lane, "stream", () -> {
            Result result = session.execute(statement);
            return CursorPublisher.Fetcher.of(result, result::fetchMany);
        });
    }

    // ------------------------------------------------------------------ blocking code

    @Override
    public CompletionStage<Void> runSync(Consumer<? super Session> work) {
        return runVoid("runSync", work::accept);
    }

    @Override
    public <T> CompletionStage<T> callSync(Function<? super Session, ? extends T> work) {
        return run("callSync", work::apply);
    }

    @Override
    public boolean isClosed() {
        return lane.isClosed();
    }

    @Override
    public AsyncSessionMaker sessionMaker() {
        return maker;
    }

    @Override
    public String toString() {
        return "AsyncSession[" + session + "]";
    }
}
