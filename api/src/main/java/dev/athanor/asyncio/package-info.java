/**
 * Asyncio (SQLAlchemy's {@code sqlalchemy.ext.asyncio}): {@link dev.athanor.asyncio.AsyncEngine},
 * {@link dev.athanor.asyncio.AsyncConnection}, {@link dev.athanor.asyncio.AsyncSession} and
 * {@link dev.athanor.asyncio.AsyncSessionMaker}, whose database calls return
 * {@link java.util.concurrent.CompletionStage}s and whose streams are {@link java.util.concurrent.Flow.Publisher}s.
 *
 * {@snippet :
 * AsyncEngine engine = AsyncEngine.create(url);
 * AsyncSessionMaker sessions = AsyncSessionMaker.of(engine);
 * engine.begin(conn -> conn.runSync(c -> registry.metadata().createAll(c)))
 *       .thenCompose(v -> sessions.begin(db -> db.add(a)))
 *       .thenCompose(v -> sessions.inSession(db -> db.execute(select(A.class))
 *               .thenApply(result -> result.scalars().all())))
 *       .thenCompose(list -> engine.dispose())
 *       .toCompletableFuture().join();
 * }
 *
 * <h2>Execution model</h2>
 * JDBC blocks, so the blocking engine and session do the work, on threads the async engine owns (never the
 * caller's). A call first waits, without a thread, in one FIFO queue for a pooled connection (a connection or
 * session keeps its place from its first call until it gives the connection back at commit, rollback or close);
 * then it runs on a worker: a fixed pool of platform threads as large as the connection pool, or a virtual thread
 * per task ({@code virtualThreads(true)}, Java 21+), or the application's {@code executor(...)}. So the number of
 * threads is bounded by the pool size, tasks start in order of arrival, and waiting in the queue never ends in a
 * {@link dev.athanor.PoolTimeoutError} unless {@code queueTimeout(...)} is set. Callbacks chained without
 * {@code *Async} run on the worker that completed the stage: keep them short and non-blocking.
 *
 * <h2>Differences from SQLAlchemy</h2>
 * <ul>
 *   <li>There is no event loop: stages complete on worker threads, and {@code add} returns a completed stage so
 *   that {@code sessions.begin(db -> db.add(a))} reads as in Python.</li>
 *   <li>{@code runSync} takes a {@code Consumer}; {@code callSync} is the variant with a value (Java cannot overload
 *   one name on both without ambiguous lambdas).</li>
 *   <li>Async sessions are not enlisted in JTA transactions (a JTA transaction is bound to a thread); using one
 *   while a JTA transaction is active is refused.</li>
 * </ul>
 */
package dev.athanor.asyncio;
