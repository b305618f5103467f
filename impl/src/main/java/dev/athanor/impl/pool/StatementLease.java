package dev.athanor.impl.pool;

import io.agroal.pool.wrapper.ConnectionWrapper;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One checkout's use of the {@link StatementCache} of its physical connection. A cached statement is the driver's
 * own (the pool runs with {@code trackJdbcResources(false)}, so Agroal does not wrap statements): it runs in whatever
 * transaction its physical connection is in at the time, so one cached in a JTA transaction and taken in the next
 * does that one's work, as a statement prepared there would.
 *
 * <p>In a pool that takes part in JTA transactions (Agroal's Narayana integration, XA or not) a cache hit skips what
 * the connection handle's {@code prepareStatement} checks, so the lease makes the same checks itself, before it
 * touches the cache:
 * <ul>
 *   <li>Agroal's {@link ConnectionWrapper#verifyEnlistment()}: refuses a connection enlisted in a transaction that
 *   is no longer the thread's ("Enlisted connection used without active transaction", e.g. with the transaction
 *   suspended), and one not enlisted while a transaction is active ("Deferred enlistment not supported"); a handle
 *   that held cursors over the last commit is enlisted in the thread's new transaction (Agroal's AG-279), and refused
 *   outside one. Agroal 3.2.1 enlists when the connection is taken from the pool, not here: this only checks.</li>
 *   <li>Whether the handle is still open: when a JTA transaction completes, Agroal closes the handles enlisted in it
 *   and returns the physical connection to the pool, where another thread may take it (and its cache) while the
 *   Athanor connection that held it is still open. Such a handle refuses every statement ("Connection is closed");
 *   a statement taken before is closed, not given back, when its result closes.</li>
 * </ul>
 * A pool without transaction integration needs neither (only Athanor closes its handles), so its lease is
 * unguarded and made once per cache ({@link StatementCache#unguarded()}), not per checkout.
 *
 * <p>What is left: a transaction that the transaction manager's reaper rolls back on its own thread (a time-out)
 * while the application's thread is still inside a statement. Agroal then returns the physical connection to the
 * pool under that statement, cached or not; the check above refuses the thread's next statement, but the one already
 * running (and the {@code release} after its check) can meet the next holder on the same physical connection, as an
 * uncached statement meets it in the driver.
 */
public final class StatementLease {
    private final StatementCache cache;
    /** The handle whose checks a cache hit makes, or null: a pool without JTA, nothing to check. */
    private final ConnectionWrapper handle;

    StatementLease(StatementCache cache, ConnectionWrapper handle) {
        this.cache = cache;
        this.handle = handle;
    }

    /**
     * An idle statement for {@code key}, now taken out of the cache, or null (a miss: prepare one through the handle
     * and give it to {@link #entry}).
     *
     * @throws SQLException what the handle's {@code prepareStatement} would throw now (see the class comment)
     */
    public StatementCache.Entry take(Object key) throws SQLException {
        if (handle != null) {
            verify(); // before the cache is touched: a handle closed under us no longer owns it
        }
        StatementCache.Entry entry = cache.take(key);
        if (entry != null) {
            entry.lease = this;
        }
        return entry;
    }

    /** A new entry for a statement just prepared through the handle for {@code key}. */
    public StatementCache.Entry entry(Object key, PreparedStatement statement) {
        StatementCache.Entry entry = cache.entry(key, statement);
        entry.lease = this;
        return entry;
    }

    /** Whether the checkout still holds the physical connection, so that a statement may go back to its cache. */
    boolean holdsConnection() {
        try {
            return handle == null || !handle.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The checks of Agroal's {@code ConnectionWrapper.prepareStatement}, in its order, with its error handling. */
    private void verify() throws SQLException {
        try {
            handle.verifyEnlistment();
            if (handle.isClosed()) {
                throw new SQLException("Connection is closed"); // Agroal's ClosedConnection says the same
            }
        } catch (SQLException e) {
            handle.getHandler().setFlushOnly(e); // as the handle does: only a fatal error (exception sorter) flushes
            throw e;
        }
    }
}
