package dev.athanor;

/**
 * Where a read may run when the engine has read replicas ({@link EngineBuilder#replicas(String...)}): an
 * {@link ExecutionOption} for a statement, a connection or a whole engine view.
 *
 * <p>The rules: a statement that writes, and every statement after it until its transaction ends, runs on the primary
 * (read-your-writes). A read marked {@link #REPLICA}, or any read on a connection marked {@link #REPLICA}, runs on
 * a healthy replica, round-robin; with no healthy replica (down, or lagging more than
 * {@link EngineBuilder#replicaMaxLag(java.time.Duration)}) it runs on the primary. A read is a {@code select()}
 * without {@code FOR UPDATE}, a compound select, or a {@code text()} that is marked {@link #REPLICA} itself (or,
 * on a connection marked {@link #REPLICA}, starts with {@code SELECT} and has no locking clause or {@code INTO}).
 * {@link #PRIMARY} on a statement sends it to the primary whatever the connection says. Without replicas both
 * options do nothing.
 *
 * {@snippet :
 * conn.execute(select(users).executionOptions(Routing.REPLICA));       // one read on a replica
 * conn.execute(text("SELECT count(*) FROM users").executionOptions(Routing.REPLICA));
 * try (Connection reads = engine.connect().executionOptions(Routing.REPLICA)) { ... } // every read of it
 * SessionMaker readers = sessions.readOnly();                           // sessions that read from replicas
 * }
 */
public enum Routing implements ExecutionOption {
    /** May run on a read replica (when it reads and its transaction has not written). */
    REPLICA,
    /** Runs on the primary. */
    PRIMARY
}
