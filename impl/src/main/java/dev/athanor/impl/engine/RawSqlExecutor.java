package dev.athanor.impl.engine;

import dev.athanor.impl.dialect.Dialect;

/**
 * Runs SQL that must not go through the bind parser (generated DDL), with echo logging and events, on an Athanor
 * connection. Implemented by the implementation's connections.
 */
public interface RawSqlExecutor {

    /** Executes {@code sql} as it is, in the connection's transaction. */
    void executeRaw(String sql);

    /** The dialect of the connection's engine. */
    Dialect dialect();
}
