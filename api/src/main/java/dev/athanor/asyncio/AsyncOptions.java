package dev.athanor.asyncio;

import dev.athanor.ArgumentError;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How an {@link AsyncEngine} runs its blocking JDBC work, as an immutable value.
 *
 * {@snippet :
 * AsyncEngine engine = AsyncEngine.builder("jdbc:h2:mem:demo")
 *         .poolSize(10)
 *         .queueTimeout(Duration.ofSeconds(30))   // give up on a connection after 30 s in the queue
 *         .build();
 * }
 *
 * @param executor       where the work runs; null: threads owned by the engine (see {@code virtualThreads})
 * @param virtualThreads with no executor: one virtual thread per task (Java 21 or newer) instead of a fixed pool of
 *                       platform threads, one per pooled connection
 * @param queueTimeout   how long a task may wait in the queue for a connection before it fails with
 *                       {@link dev.athanor.PoolTimeoutError}; null: as long as it takes (the default)
 * @param streamBatchSize rows fetched from the cursor per round trip by {@code stream()} (also the JDBC fetch size),
 *                       the most rows read ahead of a subscriber's demand
 */
public record AsyncOptions(Executor executor, boolean virtualThreads, Duration queueTimeout, int streamBatchSize) {

    /** The defaults: engine-owned platform threads, no queue timeout, 1,000 rows a batch. */
    public static final AsyncOptions DEFAULTS = new AsyncOptions(null, false, null, 1000);

    public AsyncOptions {
        if (executor != null && virtualThreads) {
            throw new ArgumentError("virtualThreads(true) and executor(...) exclude each other: choose one");
        }
        if (queueTimeout != null && (queueTimeout.isNegative() || queueTimeout.isZero())) {
            throw new ArgumentError("queueTimeout must be a positive duration (or null for no limit), was "
                    + queueTimeout);
        }
        if (streamBatchSize < 1) {
            throw new ArgumentError("streamBatchSize must be at least 1, was " + streamBatchSize);
        }
    }

    public AsyncOptions withExecutor(Executor value) {
        return new AsyncOptions(value, virtualThreads, queueTimeout, streamBatchSize);
    }

    public AsyncOptions withVirtualThreads(boolean value) {
        return new AsyncOptions(executor, value, queueTimeout, streamBatchSize);
    }

    public AsyncOptions withQueueTimeout(Duration value) {
        return new AsyncOptions(executor, virtualThreads, value, streamBatchSize);
    }

    public AsyncOptions withStreamBatchSize(int value) {
        return new AsyncOptions(executor, virtualThreads, queueTimeout, value);
    }
}
