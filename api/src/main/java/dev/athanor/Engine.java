package dev.athanor;

import dev.athanor.spi.EngineProvider;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The starting point of Athanor: a database, its dialect, and a pool of connections to it (SQLAlchemy's
 * {@code Engine}). An engine is safe for many threads and lives as long as the application; {@link #dispose()}
 * closes its pool.
 *
 * {@snippet :
 * Engine engine = Engine.builder("postgresql://app:secret@localhost:5432/app")
 *         .echo(true)
 *         .poolSize(5)
 *         .poolRecycle(Duration.ofHours(1))
 *         .build();
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("INSERT INTO users (name) VALUES (:name)"), Map.of("name", "ada"));
 *     conn.commit();
 * }
 * long n = engine.inTransaction(conn -> conn.execute(text("SELECT count(*) FROM users")).scalarOne(Long.class));
 * engine.dispose();
 * }
 *
 * <p>URLs: SQLAlchemy style ({@code postgresql://user:pw@host:port/db}, {@code mariadb://}, {@code mysql://},
 * {@code h2:mem:name}, {@code h2:file:path}) or any {@code jdbc:} URL of H2, PostgreSQL or MariaDB/MySQL, used as
 * it is. The implementation is found with {@link java.util.ServiceLoader} ({@link EngineProvider}).
 */
public interface Engine extends AutoCloseable {

    /** An engine for {@code url} with default options (pool of 5, overflow 10, 30 s pool timeout). */
    static Engine create(String url) {
        return builder(url).build();
    }

    /** A builder of an engine for {@code url}, to set options before {@link EngineBuilder#build()}. */
    static EngineBuilder builder(String url) {
        return new EngineBuilder(url);
    }

    /**
     * Checks a connection out of the pool. Close it (try-with-resources) to give it back; anything not
     * committed by then is rolled back.
     *
     * @throws PoolTimeoutError if none became free within {@code poolTimeout}
     * @throws OperationalError if a new connection could not be opened
     */
    Connection connect();

    /**
     * Runs {@code work} in one transaction ("begin once"): commits when it returns, rolls back and rethrows when it
     * throws.
     */
    void begin(Consumer<Connection> work);

    /** As {@link #begin(Consumer)}, returning what {@code work} returns. */
    <T> T inTransaction(Function<Connection, T> work);

    /**
     * As {@link #inTransaction(Function)}, running the whole block again, in a new transaction on a fresh
     * connection, after a transient error (serialization failure, deadlock, lost connection) as {@code policy} says.
     * The block must not keep effects outside the transaction between attempts.
     *
     * {@snippet :
     * long balance = engine.inTransaction(RetryPolicy.defaults(), conn -> {
     *     conn.execute(text("UPDATE accounts SET balance = balance - 10 WHERE id = 1"));
     *     return conn.execute(text("SELECT balance FROM accounts WHERE id = 1")).scalarOne(Long.class);
     * });
     * }
     */
    default <T> T inTransaction(RetryPolicy policy, Function<Connection, T> work) {
        return policy.execute(() -> inTransaction(work));
    }

    /** As {@link #begin(Consumer)}, retried as {@link #inTransaction(RetryPolicy, Function)} is. */
    default void begin(RetryPolicy policy, Consumer<Connection> work) {
        policy.execute(() -> {
            begin(work);
            return null;
        });
    }

    /** The dialect's name: {@code "h2"}, {@code "postgresql"} or {@code "mariadb"}. */
    String dialectName();

    /** The URL this engine connects to, with any password replaced by {@code ***}. */
    String url();

    /** Listeners for statements and transactions executed through this engine (metering, statement counts). */
    EngineEvents events();

    /** A snapshot of the pool's state: connections checked out, idle, in all. */
    PoolStatus poolStatus();

    /**
     * Gives access to what lies under the engine, for code that needs plain JDBC over the same pool:
     * {@code engine.unwrap(javax.sql.DataSource.class)}.
     *
     * @throws ArgumentError if the engine is not built on such a thing
     */
    <T> T unwrap(Class<T> type);

    /**
     * A view of this engine whose connections start with these options (SQLAlchemy's
     * {@code Engine.execution_options}): it shares the pool, events and replicas, and disposing it does nothing.
     * {@code engine.executionOptions(Routing.REPLICA)} gives connections that read from replicas.
     */
    default Engine executionOptions(ExecutionOption... options) {
        throw new InvalidRequestError("this engine (" + getClass().getName() + ") takes no execution options");
    }

    /** Closes the pool and every connection in it; later {@link #connect()} calls fail. Idempotent. */
    void dispose();

    /** The same as {@link #dispose()}, so that an engine can be used in try-with-resources. */
    @Override
    default void close() {
        dispose();
    }
}
