package dev.athanor;

/**
 * No pooled connection became free within the engine's {@code poolTimeout}: every connection is checked out and
 * the overflow is used up. Usually a connection that is never closed, or a pool too small for the load.
 *
 * {@snippet :
 * Engine engine = Engine.builder(url).poolSize(1).maxOverflow(0).poolTimeout(Duration.ofSeconds(1)).build();
 * Connection held = engine.connect();
 * engine.connect(); // PoolTimeoutError after one second
 * }
 */
public class PoolTimeoutError extends AthanorException {
    private static final long serialVersionUID = 1L;

    public PoolTimeoutError(String message, Throwable cause) {
        super(message, cause, "pool-timeout");
    }
}
