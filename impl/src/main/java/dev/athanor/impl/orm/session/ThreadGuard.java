package dev.athanor.impl.orm.session;

import dev.athanor.InvalidRequestError;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Fails fast when two threads are inside one session at once: a session is not thread-safe, and silent corruption of
 * its identity map would be far worse than an error. Re-entrant for the owning thread.
 */
final class ThreadGuard {
    private final AtomicReference<Thread> owner = new AtomicReference<>();
    private int depth;

    void enter() {
        Thread current = Thread.currentThread();
        Thread holder = owner.get();
        if (holder == current) {
            depth++;
            return;
        }
        if (!owner.compareAndSet(null, current)) {
            Thread other = owner.get();
            throw new InvalidRequestError("this Session is being used by thread '" + (other == null ? "?" : other.getName())
                    + "' while thread '" + current.getName() + "' called it: a Session is not thread-safe; give each "
                    + "thread or task its own (SessionMaker.open())", null, "session-threads");
        }
        depth = 1;
    }

    void leave() {
        if (--depth == 0) {
            owner.set(null);
        }
    }
}
