package dev.athanor.impl.asyncio;

import dev.athanor.PoolTimeoutError;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The async engine's FIFO queue for pooled connections: one permit per connection the pool can lend. A task waits
 * here as a future, not as a thread, so waiting costs no thread and never meets the pool's own timeout; a released
 * permit goes straight to the longest waiter (arrival order). Holders are counted for {@code status()}.
 */
final class Permits {
    private final int size;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int holding;
    private int peakHolding;

    /** {@code timer} is used only when {@code timeout} is set. */
    Permits(int size, Duration timeout, ScheduledExecutorService timer) {
        this.size = size;
        this.timeout = timeout;
        this.timer = timer;
    }

    /** Completes when the caller holds a permit; fails with {@link PoolTimeoutError} after the queue timeout. */
    CompletableFuture<Void> acquire() {
        CompletableFuture<Void> granted = new CompletableFuture<>();
        synchronized (this) {
            if (holding < size && waiters.isEmpty()) {
                hold();
                granted.complete(null);
                return granted;
            }
            waiters.addLast(granted);
        }
        if (timeout != null) {
            timer.schedule(() -> expire(granted), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return granted;
    }

    private void expire(CompletableFuture<Void> waiter) {
        synchronized (this) {
            if (!waiters.remove(waiter)) {
                return; // granted meanwhile
            }
        }
        waiter.completeExceptionally(new PoolTimeoutError("waited " + timeout + " in the async engine's queue for one "
                + "of its " + size + " connections (queueTimeout); raise poolSize, lower the number of concurrent tasks "
                + "or the time each holds a connection, or leave queueTimeout unset to wait as long as it takes", null));
    }

    /** Gives a permit back: to the longest waiter if any. */
    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            next = waiters.pollFirst();
            if (next == null) {
                holding--;
                return;
            }
        }
        // the permit passes on without being counted free; completing outside the lock runs the waiter's task
        if (!next.complete(null)) {
            release(); // that waiter was cancelled: give it to the next one
        }
    }

    private void hold() {
        holding++;
        peakHolding = Math.max(peakHolding, holding);
    }

    synchronized int holding() {
        return holding;
    }

    synchronized int peakHolding() {
        return peakHolding;
    }

    synchronized int waiting() {
        return waiters.size();
    }

    int size() {
        return size;
    }
}
