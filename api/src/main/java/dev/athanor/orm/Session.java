package dev.athanor.orm;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Executable;
import dev.athanor.Result;
import dev.athanor.ScalarResult;
import dev.athanor.Select;
import dev.athanor.spi.OrmServices;
import dev.athanor.sql.Expression;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ORM's unit of work (SQLAlchemy's {@code Session}): an identity map (one object per entity and primary key),
 * the pending changes of the objects it holds, and one connection and transaction at a time. It begins a
 * transaction on first use (autobegin) and flushes pending changes before queries (autoflush) and at commit.
 *
 * <p>Not thread-safe: use one session per thread or task. Two threads inside one session at the same time fail fast
 * with an {@link dev.athanor.InvalidRequestError}.
 *
 * {@snippet :
 * try (Session session = Session.open(engine)) {
 *     User user = new User(); user.name = "spongebob";
 *     session.add(user);
 *     session.flush();                          // INSERT; user.id is set
 *     user.name = "sandy";                      // dirty checking: UPDATE users SET name=? WHERE id=? at commit
 *     session.commit();
 *     List<User> users = session.scalars(select(User.class).where(User_.name.eq("sandy"))).all();
 * }
 * }
 */
public interface Session extends AutoCloseable {

    /** A session on {@code engine}; classes are mapped on first use. */
    static Session open(Engine engine) {
        return OrmServices.get().sessionMaker(engine, null).open();
    }

    /** A session on {@code engine} with the classes of {@code registry}. */
    static Session open(Engine engine, Registry registry) {
        return OrmServices.get().sessionMaker(engine, registry).open();
    }

    // -------------------------------------------------------------- unit of work

    /** Puts a new (transient) or detached object in the session; INSERT (or UPDATE) at the next flush. */
    void add(Object entity);

    /** {@link #add} for each object. */
    void addAll(Collection<?> entities);

    /** Marks a persistent object for DELETE at the next flush; a pending one is just removed from the session. */
    void delete(Object entity);

    /**
     * Sets an attribute to a SQL expression, written at the next flush ({@code SET visit_count = visit_count + 1})
     * and read back into the field after it, so concurrent increments are not lost.
     */
    <E, T> void assign(E entity, ColumnAttribute<? super E, T> attribute, Expression<? extends T> value);

    /** Sends pending INSERT/UPDATE/DELETE statements in foreign-key order; the transaction stays open. */
    void flush();

    /** Flushes, then commits the transaction. */
    void commit();

    /**
     * Rolls the transaction back. Objects inserted in it are detached again (their generated keys cleared) and the
     * others keep their Java values but are reloaded from the database when the session next meets them.
     */
    void rollback();

    /** Rolls back what is open, detaches every object and releases the connection. Idempotent. */
    @Override
    void close();

    // -------------------------------------------------------------- identity map

    /** The object with this primary key: from the identity map without SQL, else a SELECT; null if there is none. */
    <E> E get(Class<E> entity, Object primaryKey);

    /** As {@link #get}, but {@link dev.athanor.NoResultFound} when there is no such row. */
    <E> E getOne(Class<E> entity, Object primaryKey);

    /** Whether the object is in this session (pending or persistent). */
    boolean contains(Object entity);

    /** Removes the object from the session; its pending changes are forgotten. */
    void expunge(Object entity);

    /** Removes every object from the session. */
    void expungeAll();

    /**
     * Marks the object's state as stale: its fields are reloaded from the database when the session next loads or
     * returns it (a query, {@code get}). Fields cannot reload themselves on access, as SQLAlchemy's attributes do; a
     * change made before the reload is still compared with the values last loaded and flushed.
     */
    void expire(Object entity);

    /** {@link #expire} for every object in the session. */
    void expireAll();

    /** Reloads the object's fields from the database now, discarding unflushed changes. */
    void refresh(Object entity);

    /**
     * Copies the state of a detached or transient object onto the session's object with the same key (loaded if
     * needed; a new one is added when there is none) and returns that object.
     */
    <E> E merge(E entity);

    /** Whether the object has changes that a flush would write (new, changed fields, or an assigned expression). */
    boolean isModified(Object entity);

    /** Objects added and not yet flushed (SQLAlchemy's {@code session.new}). */
    Set<Object> newObjects();

    /** Persistent objects with unflushed changes (SQLAlchemy's {@code session.dirty}). */
    Set<Object> dirtyObjects();

    /** Objects marked for deletion and not yet flushed (SQLAlchemy's {@code session.deleted}). */
    Set<Object> deletedObjects();

    // -------------------------------------------------------------- queries

    /**
     * Executes a statement in the session's transaction (after an autoflush). For {@code select(User.class)} each row
     * holds one {@code User} from the identity map ({@code result.scalars()}); ORM {@code update}/{@code delete}
     * statements are synchronized with the session's objects ({@link SynchronizeSession}).
     */
    Result execute(Executable statement);

    /**
     * A select through the session, typed: {@code session.execute(select(User.class)).scalars()} is a
     * {@code ScalarResult<User>}.
     */
    <E> EntityResult<E> execute(Select<E> statement);

    Result execute(Executable statement, Map<String, ?> parameters);

    /**
     * An executemany; {@code insert(User.class)} with attribute-named rows is a bulk insert (Java-side defaults
     * applied, no identity-map bookkeeping), as SQLAlchemy.
     */
    Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets);

    /** The entities (or first column) of each row: {@code session.scalars(select(User.class)).all()}. */
    <E> ScalarResult<E> scalars(Select<E> statement);

    /** The first column of the first row, or null. */
    Object scalar(Executable statement);

    // -------------------------------------------------------------- bulk

    /** Inserts (or, for persistent objects, updates) the objects in batches without keeping them in the session. */
    void bulkSaveObjects(Collection<?> entities);

    /** Inserts rows given as attribute-name maps, in one batch, with Java-side defaults applied. */
    void bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> mappings);

    /** Updates rows given as attribute-name maps that hold the primary key, in batches by the set of keys given. */
    void bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> mappings);

    // -------------------------------------------------------------- settings and state

    /** Whether queries flush pending changes first (default true). */
    boolean autoflush();

    void setAutoflush(boolean autoflush);

    /** Runs {@code work} with autoflush off (SQLAlchemy's {@code no_autoflush}). */
    void noAutoflush(Runnable work);

    /** Whether a transaction is open. */
    boolean inTransaction();

    /** The session's connection (beginning the transaction if needed), for Core statements in the same transaction. */
    Connection connection();

    /** The registry of mapped classes this session uses. */
    Registry registry();

    /** Whether {@link #close()} was called. */
    boolean isClosed();
}
