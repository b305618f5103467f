package dev.athanor.impl.asyncio;

import dev.athanor.PoolTimeoutError;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The async engine's FIFO queue for pooled connections: one permit per connection the pool can lend. A task waits
 * here as a callback, not as a thread, so waiting costs no thread and never meets the pool's own timeout; a released
 * permit goes straight to the longest waiter (arrival order). Holders are counted for {@code status()}.
 *
 * <p>Every call of a lane that has no permit yet comes here, so the path without waiters is a compare-and-set on the
 * holder count, with no lock and no allocation; the lock guards only the queue of waiters. A permit is never counted
 * free while someone waits: a release with waiters hands it on; a release that found none but raced with a new
 * waiter, and a waiter that found none free but raced with a release, both re-check (each sees the other's write).
 */
final class Permits {
    /** Who waits for a permit: called once, outside the queue's lock, on the thread that freed or failed it. */
    interface Waiter {
        /** The permit is the waiter's now. */
        void granted();

        /** No permit came within the queue timeout. */
        void failed(Throwable error);
    }

    private final int size;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger peakHolding = new AtomicInteger();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>(); // guarded by this
    private volatile int queued; // waiters.size(), readable without the lock

    /** {@code timer} is used only when {@code timeout} is set. */
    Permits(int size, Duration timeout, ScheduledExecutorService timer) {
        this.size = size;
        this.timeout = timeout;
        this.timer = timer;
    }

    /**
     * Takes a permit now if one is free and nobody waits (true: the caller holds it, {@code waiter} is not called);
     * else queues {@code waiter} (false), which is then {@linkplain Waiter#granted granted} or, after the queue
     * timeout, {@linkplain Waiter#failed failed}.
     */
    boolean acquire(Waiter waiter) {
        if (queued == 0 && tryHold()) {
            return true;
        }
        synchronized (this) {
            waiters.addLast(waiter);
            queued = waiters.size();
        }
        if (timeout != null) {
            timer.schedule(() -> expire(waiter), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        grantFree(); // a permit released before we were queued is not lost
        return false;
    }

    private boolean tryHold() {
        for (int held = holding.get(); held < size; held = holding.get()) {
            if (holding.compareAndSet(held, held + 1)) {
                if (held + 1 > peakHolding.get()) {
                    peakHolding.accumulateAndGet(held + 1, Math::max);
                }
                return true;
            }
        }
        return false;
    }

    /** Gives free permits to the longest waiters. */
    private void grantFree() {
        while (queued > 0) {
            Waiter next;
            synchronized (this) {
                if (waiters.isEmpty() || !tryHold()) {
                    return;
                }
                next = waiters.pollFirst();
                queued = waiters.size();
            }
            next.granted();
        }
    }

    private void expire(Waiter waiter) {
        synchronized (this) {
            if (!waiters.remove(waiter)) {
                return; // granted meanwhile
            }
            queued = waiters.size();
        }
        waiter.failed(new PoolTimeoutError("waited " + timeout + " in the async engine's queue for one of its " + size
                + " connections (queueTimeout); raise poolSize, lower the number of concurrent tasks or the time each "
                + "holds a connection, or leave queueTimeout unset to wait as long as it takes", null));
    }

    /** Gives a permit back: to the longest waiter if any. */
    void release() {
        if (queued > 0) {
            Waiter next;
            synchronized (this) {
                next = waiters.pollFirst();
                queued = waiters.size();
            }
            if (next != null) {
                next.granted(); // the permit passes on without being counted free
                return;
            }
        }
        holding.decrementAndGet();
        grantFree(); // a waiter queued after we looked: it found no permit free
    }

    int holding() {
        return holding.get();
    }

    int peakHolding() {
        return peakHolding.get();
    }

    int waiting() {
        return queued;
    }

    int size() {
        return size;
    }
}
