package dev.athanor.impl.engine;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.impl.pool.StatementCache;

import java.sql.PreparedStatement;

/** For tests of other packages and modules: the statement cache under a connection, and what it holds. */
public final class StatementCaches {
    private StatementCaches() {
    }

    /**
     * The statement cache of the physical connection under {@code connection} (a connection of {@code engine}, or of
     * an engine that unwraps to it, such as the CDI extension's), or null when it caches no statements.
     */
    public static StatementCache of(Engine engine, Connection connection) {
        return engine.unwrap(EngineImpl.class).pool().statementCache(connection.unwrap(java.sql.Connection.class));
    }

    /** The idle statement cached for {@code sql} (taken out and given back, so the cache is as before), or null. */
    public static PreparedStatement cached(StatementCache cache, Object sql) {
        StatementCache.Entry entry = cache.take(sql);
        if (entry == null) {
            return null;
        }
        PreparedStatement statement = entry.statement();
        entry.release();
        return statement;
    }
}
