/**
 * The Agroal adapter (SQLAlchemy's {@code pool/}). {@link dev.athanor.impl.pool.ConnectionPool} maps the engine
 * options onto Agroal: {@code poolSize} to {@code minSize}, {@code poolSize + maxOverflow} to {@code maxSize},
 * {@code poolTimeout} to the acquisition time-out, {@code poolRecycle} to the maximum lifetime, {@code prePing} to
 * validation on borrow, {@code leakDetection} to the leak time-out; the dialect picks Agroal's exception sorter, so a
 * connection that saw a fatal error is destroyed on return. Agroal's listener callbacks are logged in category
 * {@code dev.athanor.pool}; its metrics feed {@link dev.athanor.PoolStatus}.
 *
 * <p>An XA pool ({@link dev.athanor.impl.pool.XaDataSources}, used by {@code dev.athanor.impl.xa}) takes its
 * connections from the driver's {@code XADataSource} with the connect properties folded into the URL; its handles
 * are put in manual-commit mode on checkout outside a transaction, and recovery scans get connections of their own
 * from the connection factory rather than from the pool ({@code poolRecovery(false)}).
 */
package dev.athanor.impl.pool;
