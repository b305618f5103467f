package dev.athanor.impl.engine;

import dev.athanor.InvalidRequestError;

/**
 * The seam through which a container's transactions (JTA) reach the engine: whether one is active on this thread,
 * and how to doom it. The CDI extension implements it over the {@code TransactionSynchronizationRegistry}; the Core
 * has no compile-time dependency on JTA.
 *
 * <p>A connection checked out while {@link #isActive()} is <em>managed</em>: its JDBC connection is the one the pool
 * (Agroal's Narayana integration, or the server's JTA DataSource) enlisted in the transaction, so it never calls
 * {@code commit}, {@code rollback} or {@code setAutoCommit} on it. {@code Connection.commit()} is then an error
 * ({@code commit-in-jta}), {@code rollback()} marks the transaction rollback-only, and {@code close()} just hands
 * the JDBC connection back.
 */
public interface ManagedTransactions {

    /** Whether a container transaction is active (or marked rollback-only) on the calling thread. */
    boolean isActive();

    /** Marks the calling thread's transaction rollback-only. */
    void setRollbackOnly();

    /** The error for {@code what} (e.g. {@code "session.commit()"}) called inside a container transaction. */
    static InvalidRequestError commitInside(String what) {
        return new InvalidRequestError(what + " inside a JTA transaction: the transaction decides the outcome. Let the "
                + "@Transactional method return to commit (or call UserTransaction.commit()); to roll back, throw an "
                + "exception or call TransactionManager.setRollbackOnly(). The Session is flushed before the "
                + "transaction commits", null, "commit-in-jta");
    }
}
