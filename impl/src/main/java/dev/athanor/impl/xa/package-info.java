/**
 * XA engines: one JTA transaction over several databases with two-phase commit, and crash recovery.
 *
 * <p>{@link dev.athanor.impl.xa.XaEngines} builds an engine whose Agroal pool takes its connections from the driver's
 * {@code XADataSource} ({@link dev.athanor.impl.pool.XaDataSources}: {@code PGXADataSource}, MariaDB's
 * {@code MariaDbDataSource}, H2's {@code JdbcDataSource}) and enlists each one, through agroal-narayana's
 * {@code NarayanaTransactionIntegration}, as a branch of the JTA transaction active on the calling thread; the
 * transaction manager prepares every branch, logs its decision in its object store, then commits them. Outside a
 * JTA transaction the connections behave as ordinary ones. Inside, the engine's connections are <em>managed</em>
 * (see {@link dev.athanor.impl.engine.ManagedTransactions}): {@code commit()} is refused, {@code rollback()} marks the
 * transaction rollback-only.
 *
 * <p>Crash recovery: with Narayana as the transaction manager, every XA pool registers its recovery connections with
 * Narayana's {@code XARecoveryModule} (NarayanaRecovery), starting the recovery manager of the JVM if none runs.
 * A process that crashed after the prepare phase leaves prepared branches in the databases
 * ({@code pg_prepared_xacts}, MariaDB's {@code XA RECOVER}) and, once every branch is prepared, the decision in the
 * object store; the next process over the same object store and the same database URLs commits them (or rolls
 * them back when no decision was logged: presumed abort). Reached from {@code EngineBuilder.xa(tm, tsr)} (SE) and
 * the CDI extension's {@code athanor.datasource.xa=true}.
 */
package dev.athanor.impl.xa;
