package dev.athanor.asyncio;

import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.ScalarResult;
import dev.athanor.Select;
import dev.athanor.orm.EntityResult;
import dev.athanor.orm.Session;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An ORM session whose calls return {@link CompletionStage}s (SQLAlchemy's {@code AsyncSession}): a blocking
 * {@link Session} underneath, driven on the engine's worker threads one call at a time. A second call while one runs
 * fails at once ("concurrent operations are not permitted"): give each task its own session
 * ({@link AsyncSessionMaker#open()}, {@code sessions.begin(...)}, {@code sessions.inSession(...)}).
 *
 * <p>Lazy loading is not implicit: reading a relationship or deferred column that is not loaded, outside
 * {@link #runSync}, raises {@link dev.athanor.orm.LazyLoadError} naming the attribute (SQLAlchemy's
 * {@code MissingGreenlet}). Load it with the query ({@code selectinLoad}, {@code joinedLoad}), with
 * {@link #refresh(Object, String...) refresh(obj, "attribute")}, or read it inside {@code runSync}. Commit does not
 * expire objects ({@code expireOnCommit} false, as SQLAlchemy's asyncio documentation advises), so attributes read
 * after commit need no SQL.
 *
 * {@snippet :
 * sessions.begin(db -> db.add(user));                               // INSERT at commit
 * sessions.inSession(db -> db.get(User.class, 1))                   // CompletionStage<User>
 *         .thenAccept(u -> System.out.println(u.name));
 * }
 */
public interface AsyncSession {

    // -------------------------------------------------------------- unit of work (no SQL until flush)

    /** Adds an object to the session (no SQL now); the stage is already complete. */
    CompletionStage<Void> add(Object entity);

    CompletionStage<Void> addAll(Collection<?> entities);

    /** Marks an object for deletion (the DELETE is sent at flush); loads what cascades need. */
    CompletionStage<Void> delete(Object entity);

    CompletionStage<Void> flush();

    CompletionStage<Void> commit();

    CompletionStage<Void> rollback();

    /** Rolls back what was not committed, returns the connection; the objects stay readable (detached). */
    CompletionStage<Void> close();

    // -------------------------------------------------------------- identity map

    /** Identity map first, then SELECT by primary key; null when no such row. */
    <E> CompletionStage<E> get(Class<E> entity, Object primaryKey);

    /** Reloads the object's columns and then loads the named relationships, so they can be read off the worker. */
    CompletionStage<Void> refresh(Object entity, String... attributes);

    <E> CompletionStage<E> merge(E entity);

    // -------------------------------------------------------------- queries

    CompletionStage<Result> execute(Executable statement);

    <E> CompletionStage<EntityResult<E>> execute(Select<E> statement);

    CompletionStage<Result> execute(Executable statement, Map<String, ?> parameters);

    CompletionStage<Result> executeMany(Executable statement, List<? extends Map<String, ?>> parameterSets);

    <E> CompletionStage<ScalarResult<E>> scalars(Select<E> statement);

    CompletionStage<Object> scalar(Executable statement);

    /**
     * The entities of a query, read from the cursor a batch at a time as the subscriber asks (SQLAlchemy's
     * {@code yield_per}): each batch joins the identity map and runs its selectin loads. A query with a joined load
     * (rows that repeat their parent) is loaded whole first, then handed out with back-pressure.
     */
    <E> Flow.Publisher<E> stream(Select<E> statement);

    /** The rows of a Core statement, fetched from the cursor in batches as the subscriber asks. */
    Flow.Publisher<Row> stream(Executable statement);

    // -------------------------------------------------------------- blocking code

    /** Runs blocking code with the session underneath on its worker thread; lazy loads are allowed there. */
    CompletionStage<Void> runSync(Consumer<? super Session> work);

    /** As {@link #runSync}, with a value. */
    <T> CompletionStage<T> callSync(Function<? super Session, ? extends T> work);

    boolean isClosed();

    AsyncSessionMaker sessionMaker();
}
