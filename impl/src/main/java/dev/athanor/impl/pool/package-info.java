/**
 * The Agroal adapter (SQLAlchemy's {@code pool/}). {@link dev.athanor.impl.pool.ConnectionPool} maps the engine
 * options onto Agroal: {@code poolSize} to {@code minSize}, {@code poolSize + maxOverflow} to {@code maxSize},
 * {@code poolTimeout} to the acquisition time-out, {@code poolRecycle} to the maximum lifetime, {@code prePing} to
 * validation on borrow, {@code leakDetection} to the leak time-out; the dialect picks Agroal's exception sorter, so a
 * connection that saw a fatal error is destroyed on return. Agroal's listener callbacks are logged in category
 * {@code dev.athanor.pool}; its metrics feed {@link dev.athanor.PoolStatus}.
 */
package dev.athanor.impl.pool;
