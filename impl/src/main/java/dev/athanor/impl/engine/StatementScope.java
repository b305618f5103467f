package dev.athanor.impl.engine;

import dev.athanor.impl.pool.StatementCache;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A unit of work run on a thread the caller does not own (the asyncio layer's workers), seen by every statement the
 * connections of that thread prepare: it remembers the statement running now so that another thread can
 * {@link #cancel()} it ({@code Statement.cancel}), refuses to start further statements once cancelled, and applies a
 * JDBC fetch size for streamed results. Installed for the duration of one task with {@link #enter} / {@link #exit};
 * the thread-local is the worker's own, never the caller's, and costs one {@code ThreadLocal.get} a statement.
 */
public final class StatementScope implements StatementCache.Holder {
    /** SQLState of "query canceled" (PostgreSQL's 57014, used here for all dialects). */
    public static final String CANCELLED_STATE = "57014";
    private static final ThreadLocal<StatementScope> CURRENT = new ThreadLocal<>();

    private Statement running; // guarded by this: a cancel never reaches a statement given back to a cache
    private volatile boolean cancelled;
    private volatile int fetchSize;

    /** Installs {@code scope} on the current thread; returns the one it replaces (for {@link #exit}). */
    public static StatementScope enter(StatementScope scope) {
        StatementScope previous = CURRENT.get();
        CURRENT.set(scope);
        return previous;
    }

    /** Restores the scope {@link #enter} replaced. */
    public static void exit(StatementScope previous) {
        CURRENT.set(previous); // null rather than remove(): the worker installs a scope again for its next call
    }

    /**
     * Whether statements of the current thread may come from and go back to a statement cache: yes outside a scope,
     * and inside one unless it streams with a fetch size (which would stay set on the cached statement). A cached
     * statement is tracked with {@link #track(StatementCache.Entry)}: the scope lets go of it before it goes back, so
     * a late {@link #cancel()} cannot reach it once it may serve another task.
     */
    static boolean cacheable() {
        StatementScope scope = CURRENT.get();
        return scope == null || scope.fetchSize == 0;
    }

    /** As {@link #track(Statement)} for a statement taken from a cache: released by the cache's entry. */
    static void track(StatementCache.Entry entry) throws SQLException {
        StatementScope scope = CURRENT.get();
        if (scope != null) {
            entry.holder(scope);
            scope.register(entry.statement());
        }
    }

    /** Called by the statement executor right after preparing a statement on the current thread. */
    static <S extends Statement> S track(S statement) throws SQLException {
        StatementScope scope = CURRENT.get();
        return scope == null ? statement : scope.register(statement);
    }

    private <S extends Statement> S register(S statement) throws SQLException {
        synchronized (this) {
            running = statement;
        }
        if (cancelled) { // read after the write above: a cancel() racing with us sees the statement or we see it
            statement.close();
            throw new SQLException("the statement was not started: its task was cancelled", CANCELLED_STATE);
        }
        int size = fetchSize;
        if (size > 0) {
            statement.setFetchSize(size);
        }
        return statement;
    }

    /** The JDBC fetch size for statements prepared from now on in this scope (0: the driver's default). */
    public void fetchSize(int size) {
        this.fetchSize = size;
    }

    /** Cancels the statement running now (if any) and refuses every later one of this scope. Any thread. */
    public void cancel() {
        cancelled = true;
        // under the lock: a cached statement cannot go back to its cache (and serve another task) meanwhile
        synchronized (this) {
            Statement statement = running;
            if (statement != null) {
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException ignored) {
                    // already finished or closed: the refusal of later statements is what is left to do
                }
            }
        }
    }

    /** A cached statement of this scope goes back to its cache: later cancels leave it alone. */
    @Override
    public synchronized void released(PreparedStatement statement) {
        if (running == statement) {
            running = null;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
