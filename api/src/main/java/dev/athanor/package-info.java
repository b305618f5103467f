/**
 * Athanor Core, the public API: {@link dev.athanor.Engine} (a pool of connections to one database),
 * {@link dev.athanor.Connection}, text SQL with {@code :named} binds ({@link dev.athanor.Sql#text(String)}),
 * {@link dev.athanor.Result} and {@link dev.athanor.Row}, and the exception hierarchy rooted at
 * {@link dev.athanor.AthanorException} (with {@link dev.athanor.CommitOutcomeUnknownError} for a connection lost during
 * COMMIT), and {@link dev.athanor.RetryPolicy} for running a transaction again after a transient error.
 *
 * {@snippet :
 * import static dev.athanor.Sql.text;
 *
 * Engine engine = Engine.create("jdbc:h2:mem:demo");
 * engine.begin(conn -> conn.execute(text("CREATE TABLE t (x int)")));
 * }
 *
 * <p>The implementation (athanor-impl) is found through {@link dev.athanor.spi.EngineProvider}.
 */
package dev.athanor;
