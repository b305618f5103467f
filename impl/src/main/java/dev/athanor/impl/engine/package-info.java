/**
 * The engine and its connections (SQLAlchemy's {@code engine/}).
 *
 * <ul>
 *   <li>{@link dev.athanor.impl.engine.EngineImpl}: a dialect, a {@link dev.athanor.impl.pool.ConnectionPool}, the
 *   listeners and the echo setting; found through {@link dev.athanor.impl.engine.AthanorEngineProvider}.</li>
 *   <li>{@link dev.athanor.impl.engine.ConnectionImpl}: SQLAlchemy 2.0's transaction rules over a JDBC connection
 *   that stays in manual-commit mode for its whole life in the pool, so autobegin sends nothing: the first statement
 *   starts the transaction on the server. {@code close()} rolls back an open transaction; a connection whose
 *   rollback fails is destroyed instead of pooled.</li>
 *   <li>{@link dev.athanor.impl.engine.DatabaseUrl}: SQLAlchemy-style URLs to JDBC URLs, passwords masked for
 *   display.</li>
 *   <li>{@code ErrorTranslator}: {@code SQLException} to the {@link dev.athanor.DatabaseError} subclass chosen by
 *   the dialect from SQLState and vendor code; messages carry the SQL as written and the parameters, masked.</li>
 *   <li>{@link dev.athanor.impl.engine.ManagedTransactions} and {@link dev.athanor.impl.engine.ManagedEngines}: the
 *   seam the CDI extension fills for container (JTA) transactions, without a JTA dependency here. A connection
 *   checked out while a container transaction is active is enlisted by the pool (Agroal's transaction integration,
 *   or the server's DataSource) and never commits, rolls back or changes autocommit itself: {@code commit()} is the
 *   {@code commit-in-jta} error, {@code rollback()} marks the transaction rollback-only. A connection checked out
 *   before the transaction began is not enlisted (pools enlist at checkout) and refuses statements while one is
 *   active ({@code not-enlisted}): its work would otherwise be rolled back on close, silently.</li>
 *   <li>Read replicas (see {@code dev.athanor.impl.routing}): an engine built with replicas holds a
 *   {@link dev.athanor.impl.routing.ReplicaSet}; each connection asks its {@code ReadRouting} before running a
 *   statement whether a replica runs it, and tells it of writes and of the end of each transaction. These calls are
 *   the only seams; a replica is itself an {@code EngineImpl} ({@link dev.athanor.impl.engine.EngineImpl#replicaOf})
 *   sharing the primary's listeners. {@code OptionEngine} is SQLAlchemy's {@code Engine.execution_options()} view:
 *   same pool, connections that start with options.</li>
 * </ul>
 *
 * <p>Choices made where SQLAlchemy has no direct equivalent: an executemany of one parameter set runs as a single
 * execute; an executemany's {@code rowcount()} is -1 when the driver reports {@code SUCCESS_NO_INFO} (PostgreSQL's
 * rewritten batches); savepoints are named {@code athanor_sp_N}.
 */
package dev.athanor.impl.engine;
