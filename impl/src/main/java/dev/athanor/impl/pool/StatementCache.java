package dev.athanor.impl.pool;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The idle prepared statements of one physical connection, by SQL text (and generated-keys mode), least recently
 * used first: a repeated statement is bound and executed again instead of prepared again (H2 parses the SQL on every
 * {@code prepareStatement}; pgJDBC and MariaDB look it up in caches of their own, which this spares too).
 *
 * <p>A statement is <em>taken</em> out of the cache while it runs and <em>given back</em> when its result is closed,
 * so two open results of the same SQL never share one statement; a statement that failed is closed instead of given
 * back. At most {@code capacity} idle statements are kept; the least recently used is closed to make room.
 *
 * <p>Not thread-safe, and need not be: only the thread holding the connection uses it, and the pool's hand-over of
 * the connection orders one holder's use before the next's. Under JTA the hand-over comes when the transaction ends,
 * possibly while the Athanor connection that held it is still open: a checkout uses the cache through a
 * {@link StatementLease}, which refuses once its handle is closed. It lives as long as the physical connection (the
 * pool forgets it when it destroys the connection, which closes the statements with it).
 */
public final class StatementCache {
    private final int capacity;
    private final LinkedHashMap<Object, Entry> idle;
    /** The lease of every checkout of a pool without JTA: nothing to check, so one for all. */
    private final StatementLease unguarded = new StatementLease(this, null);
    private long hits;
    private long misses;
    private long evictions;

    StatementCache(int capacity) {
        this.capacity = capacity;
        this.idle = new LinkedHashMap<>(Math.min(capacity, 64) * 2) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                if (size() > StatementCache.this.capacity) {
                    evictions++;
                    eldest.getValue().closeQuietly();
                    return true;
                }
                return false;
            }
        };
    }

    /** The lease for checkouts that need no checks (see {@link StatementLease}). */
    StatementLease unguarded() {
        return unguarded;
    }

    /** The key of a statement asking for the generated value of {@code keyColumn}; plain statements use the SQL. */
    public static Object generatedKeysKey(String sql, String keyColumn) {
        return new GeneratedKeys(sql, keyColumn);
    }

    /**
     * An idle statement for {@code key}, now taken out of the cache, or null (a miss: prepare one). A checkout takes
     * through its {@link StatementLease}, which makes the pool's checks first.
     */
    public Entry take(Object key) {
        Entry entry = idle.remove(key);
        if (entry == null) {
            misses++;
        } else {
            hits++;
            entry.lease = null; // the last taker's checkout is over
        }
        return entry;
    }

    /** A new entry for a statement just prepared for {@code key}, to be given back when it is done. */
    public Entry entry(Object key, PreparedStatement statement) {
        return new Entry(this, key, statement);
    }

    private void giveBack(Entry entry) {
        if (capacity <= 0) {
            entry.closeQuietly();
            return;
        }
        Entry previous = idle.put(entry.key, entry);
        if (previous != null && previous != entry) {
            previous.closeQuietly(); // two were open at once; one is enough
        }
    }

    /** Closes every idle statement (the connection is being discarded, or the cache dropped). */
    public void clear() {
        for (Iterator<Entry> it = idle.values().iterator(); it.hasNext(); ) {
            it.next().closeQuietly();
            it.remove();
        }
    }

    public int size() {
        return idle.size();
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long evictions() {
        return evictions;
    }

    private record GeneratedKeys(String sql, String keyColumn) {
    }

    /** Someone who may act on a taken statement from another thread (see {@link Entry#holder}). */
    public interface Holder {
        /**
         * The statement is done for its taker and may serve another holder of the connection next: after this
         * returns, nothing done through the old holder may reach it.
         */
        void released(PreparedStatement statement);
    }

    /**
     * A statement of the cache, taken for one execution. Besides the statement it keeps what the statement's results
     * have in common (the row layout), for the next execution of the same SQL.
     */
    public static final class Entry {
        private final StatementCache cache;
        private final Object key;
        private final PreparedStatement statement;
        private Object layout;
        private Holder holder;
        /** The checkout that took the statement last (set by {@link StatementLease}), or null. */
        StatementLease lease;

        private Entry(StatementCache cache, Object key, PreparedStatement statement) {
            this.cache = cache;
            this.key = key;
            this.statement = statement;
        }

        public PreparedStatement statement() {
            return statement;
        }

        /** What the results of this statement read by (a {@code RowLayout}), or null before the first result. */
        public Object layout() {
            return layout;
        }

        public void layout(Object layout) {
            this.layout = layout;
        }

        /**
         * Returns the statement to its cache for the next execution of its SQL, its parameters cleared (so the cache
         * holds no application values); a statement that cannot be cleared, or whose checkout no longer holds the
         * connection (its JTA transaction ended, see {@link StatementLease}), is closed instead.
         */
        public void release() {
            letGo();
            StatementLease taker = lease;
            if (taker != null && !taker.holdsConnection()) {
                closeQuietly(); // as an uncached statement would be: the cache is the next holder's by now
                return;
            }
            try {
                if (statement.isClosed()) {
                    return; // closed under the result (an error path): nothing to keep
                }
                statement.clearParameters();
            } catch (SQLException | RuntimeException e) {
                closeQuietly();
                return;
            }
            cache.giveBack(this);
        }

        /**
         * Who else may act on the statement while it is taken (a cancellable task's scope, which may cancel it from
         * another thread): told before the statement goes back to the cache or is closed.
         */
        public void holder(Holder value) {
            this.holder = value;
        }

        private void letGo() {
            Holder current = holder;
            if (current != null) {
                holder = null;
                current.released(statement);
            }
        }

        /** Closes the statement: it failed, or the cache has no room for it. */
        public void closeQuietly() {
            letGo();
            try {
                statement.close();
            } catch (SQLException | RuntimeException ignored) {
                // a statement of a broken connection: nothing left to release
            }
        }
    }
}
