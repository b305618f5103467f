/**
 * Asyncio (SQLAlchemy's {@code ext/asyncio}): the blocking engine and session driven from
 * {@link java.util.concurrent.CompletionStage}s.
 *
 * <ul>
 *   <li>{@link dev.athanor.impl.asyncio.AsyncEngineImpl}: a blocking engine, {@code Permits} (the FIFO queue of
 *   pooled connections: a waiting task is a future, not a thread) and {@code Workers} (the threads: a fixed pool as
 *   large as the connection pool, a virtual thread per task on Java 21+, or the application's executor; a call started
 *   on a worker runs next on that worker, without a wake-up, and a sweeper rescues it after 20 ms).</li>
 *   <li>{@code Lane}: one async connection's or session's turn-taking: one call at a time (a second fails at once),
 *   a permit held while a pooled connection is, each call run on a worker inside a
 *   {@link dev.athanor.impl.engine.StatementScope} so that cancelling its future cancels its JDBC statement; a
 *   cancelled owner is rolled back, returns its connection and refuses later calls.</li>
 *   <li>{@code AsyncConnectionImpl}, {@code AsyncSessionImpl}, {@code AsyncSessionMakerImpl}: the API over the lane;
 *   results are buffered on the worker ({@link dev.athanor.impl.result.BufferedResult}), lazy loads off the worker
 *   refused (the seam {@code SessionImpl.implicitLoadCheck}).</li>
 *   <li>{@link dev.athanor.impl.asyncio.CursorPublisher}: {@code stream()}, a {@code Flow.Publisher} reading a cursor
 *   in batches bounded by demand and by the stream batch size (the JDBC fetch size); entities come from the
 *   session's {@link dev.athanor.impl.orm.session.EntityCursor} (a batch at a time, like SQLAlchemy's
 *   {@code yield_per}).</li>
 * </ul>
 */
package dev.athanor.impl.asyncio;
