package dev.athanor;

/**
 * A snapshot of an engine's connection pool (SQLAlchemy's {@code pool.status()}).
 *
 * {@snippet :
 * assert engine.poolStatus().checkedOut() == 0 : "a connection leaked";
 * }
 *
 * @param checkedOut  connections in use now
 * @param idle        open connections waiting in the pool
 * @param total       open connections, in use or idle
 * @param maxSize     the most the pool may open: {@code poolSize + maxOverflow}
 * @param awaiting    threads waiting for a connection now
 * @param created     connections opened since the engine was built
 * @param invalidated connections discarded as broken (failed validation or a fatal error)
 * @param leaks       connections reported as held longer than the leak-detection time
 */
public record PoolStatus(long checkedOut, long idle, long total, long maxSize, long awaiting, long created,
        long invalidated, long leaks) {
}
