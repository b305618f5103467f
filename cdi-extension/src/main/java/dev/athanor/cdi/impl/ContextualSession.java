package dev.athanor.cdi.impl;

import dev.athanor.Connection;
import dev.athanor.Executable;
import dev.athanor.InvalidRequestError;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.ScalarResult;
import dev.athanor.Select;
import dev.athanor.impl.engine.ManagedTransactions;
import dev.athanor.orm.ColumnAttribute;
import dev.athanor.orm.EntityResult;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.sql.Expression;
import jakarta.transaction.Synchronization;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request-scoped {@code Session} bean: one per request, which works on one of two real sessions.
 *
 * <ul>
 *   <li>Inside a JTA transaction: the session bound to that transaction, opened on first use, whose connection is
 *   the one enlisted in the transaction. Opening it registers an interposed {@link Synchronization}: flush and hand
 *   the connection back in {@code beforeCompletion}, close (clear the identity map) in {@code afterCompletion}.
 *   {@link #commit()} and {@link #rollback()} are errors there: the transaction decides.</li>
 *   <li>Outside any transaction: a resource-local session for the rest of the request, exactly as in SE (the
 *   application commits it).</li>
 * </ul>
 * The request's end closes both (an uncommitted resource-local transaction is rolled back).
 */
final class ContextualSession implements Session {
    private static final Logger LOG = Logger.getLogger("dev.athanor.cdi");

    private final SessionMaker maker;
    private final Jta jta; // null: no JTA in this deployment
    private Session local;
    private boolean destroyed;

    ContextualSession(SessionMaker maker, Jta jta) {
        this.maker = maker;
        this.jta = jta;
    }

    /** The session to work on now. */
    Session current() {
        if (destroyed) {
            throw new ResourceClosedError("this request's Session was closed when its request ended");
        }
        if (jta != null && jta.isActive()) {
            Session joined = (Session) jta.resource(this);
            if (joined == null) {
                joined = maker.open();
                try {
                    jta.join(this, joined, new TransactionEnd(joined));
                } catch (RuntimeException e) {
                    joined.close();
                    throw e;
                }
            }
            return joined;
        }
        if (local == null || local.isClosed()) {
            local = maker.open();
        }
        return local;
    }

    private boolean inJta() {
        return jta != null && jta.isActive();
    }

    /** Ends the request's Session (the bean's disposal). */
    void destroy() {
        destroyed = true;
        if (local != null) {
            local.close();
            local = null;
        }
    }

    /** Flushes the transaction's session before the commit, closes it after. */
    private static final class TransactionEnd implements Synchronization {
        private final Session session;

        TransactionEnd(Session session) {
            this.session = session;
        }

        @Override
        public void beforeCompletion() {
            // An exception here makes the transaction roll back, and reaches whoever commits it.
            session.flush();
            if (session.inTransaction()) {
                // Hand the enlisted connection back while the transaction still runs: the pool returns it to its
                // free list when the transaction ends. (Closed only in afterCompletion, Agroal kept it checked out
                // under Payara's transaction manager.) The Session's state is cleared in afterCompletion.
                session.connection().close();
            }
        }

        @Override
        public void afterCompletion(int status) {
            try {
                session.close();
            } catch (RuntimeException e) {
                // e.g. a transaction time-out rolling back on the reaper's thread while the request still runs
                LOG.debugf("closing the Session of a completed JTA transaction (status %d) failed: %s", status, e);
            }
        }
    }

    // ------------------------------------------------------------------ what the container decides

    @Override
    public void commit() {
        if (inJta()) {
            throw ManagedTransactions.commitInside("session.commit()");
        }
        current().commit();
    }

    @Override
    public void rollback() {
        if (inJta()) {
            throw ManagedTransactions.commitInside("session.rollback()");
        }
        current().rollback();
    }

    @Override
    public void close() {
        throw new InvalidRequestError("the injected Session belongs to the request: the container closes it when the "
                + "request ends. Use a SessionMaker (@Inject SessionMaker) for a Session you open and close yourself",
                null, "container-session");
    }

    @Override
    public boolean isClosed() {
        return destroyed;
    }

    // ------------------------------------------------------------------ delegation

    @Override
    public void add(Object entity) {
        current().add(entity);
    }

    @Override
    public void addAll(Collection<?> entities) {
        current().addAll(entities);
    }

    @Override
    public void delete(Object entity) {
        current().delete(entity);
    }

    @Override
    public <E, T> void assign(E entity, ColumnAttribute<? super E, T> attribute, Expression<? extends T> value) {
        current().assign(entity, attribute, value);
    }

    @Override
    public void flush() {
        current().flush();
    }

    @Override
    public <E> E get(Class<E> entity, Object primaryKey) {
        return current().get(entity, primaryKey);
    }

    @Override
    public <E> E getOne(Class<E> entity, Object primaryKey) {
        return current().getOne(entity, primaryKey);
    }

    @Override
    public boolean contains(Object entity) {
        return current().contains(entity);
    }

    @Override
    public void expunge(Object entity) {
        current().expunge(entity);
    }

    @Override
    public void expungeAll() {
        current().expungeAll();
    }

    @Override
    public void expire(Object entity) {
        current().expire(entity);
    }

    @Override
    public void expireAll() {
        current().expireAll();
    }

    @Override
    public void refresh(Object entity) {
        current().refresh(entity);
    }

    @Override
    public <E> E merge(E entity) {
        return current().merge(entity);
    }

    @Override
    public boolean isModified(Object entity) {
        return current().isModified(entity);
    }

    @Override
    public Set<Object> newObjects() {
        return current().newObjects();
    }

    @Override
    public Set<Object> dirtyObjects() {
        return current().dirtyObjects();
    }

    @Override
    public Set<Object> deletedObjects() {
        return current().deletedObjects();
    }

    @Override
    public Result execute(Executable statement) {
        return current().execute(statement);
    }

    @Override
    public <E> EntityResult<E> execute(Select<E> statement) {
        return current().execute(statement);
    }

    @Override
    public Result execute(Executable statement, Map<String, ?> parameters) {
        return current().execute(statement, parameters);
    }

    @Override
    public Result execute(Executable statement, List<? extends Map<String, ?>> parameterSets) {
        return current().execute(statement, parameterSets);
    }

    @Override
    public <E> ScalarResult<E> scalars(Select<E> statement) {
        return current().scalars(statement);
    }

    @Override
    public Object scalar(Executable statement) {
        return current().scalar(statement);
    }

    @Override
    public void bulkSaveObjects(Collection<?> entities) {
        current().bulkSaveObjects(entities);
    }

    @Override
    public void bulkInsertMappings(Class<?> entity, List<? extends Map<String, ?>> mappings) {
        current().bulkInsertMappings(entity, mappings);
    }

    @Override
    public void bulkUpdateMappings(Class<?> entity, List<? extends Map<String, ?>> mappings) {
        current().bulkUpdateMappings(entity, mappings);
    }

    @Override
    public boolean autoflush() {
        return current().autoflush();
    }

    @Override
    public void setAutoflush(boolean autoflush) {
        current().setAutoflush(autoflush);
    }

    @Override
    public void noAutoflush(Runnable work) {
        current().noAutoflush(work);
    }

    @Override
    public boolean inTransaction() {
        return current().inTransaction();
    }

    @Override
    public Connection connection() {
        return current().connection();
    }

    @Override
    public Registry registry() {
        return maker.registry();
    }

    @Override
    public String toString() {
        return "Session(request-scoped, " + maker.engine() + (inJta() ? ", in a JTA transaction" : "")
                + (destroyed ? ", closed" : "") + ")";
    }
}
