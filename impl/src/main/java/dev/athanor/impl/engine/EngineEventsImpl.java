package dev.athanor.impl.engine;

import dev.athanor.EngineEvents;
import dev.athanor.EngineListener;
import dev.athanor.StatementEvent;

import java.util.Arrays;
import java.util.Objects;

/**
 * The listeners of an engine, in a copy-on-write array: adding is rare, firing is on every statement, and with no
 * listener the cost of firing is one volatile read.
 */
final class EngineEventsImpl implements EngineEvents {
    private static final EngineListener[] NONE = new EngineListener[0];

    private volatile EngineListener[] listeners = NONE;

    @Override
    public synchronized void addListener(EngineListener listener) {
        Objects.requireNonNull(listener, "listener");
        EngineListener[] copy = Arrays.copyOf(listeners, listeners.length + 1);
        copy[listeners.length] = listener;
        listeners = copy;
    }

    @Override
    public synchronized void removeListener(EngineListener listener) {
        EngineListener[] current = listeners;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == listener) {
                EngineListener[] copy = new EngineListener[current.length - 1];
                System.arraycopy(current, 0, copy, 0, i);
                System.arraycopy(current, i + 1, copy, i, current.length - i - 1);
                listeners = copy;
                return;
            }
        }
    }

    boolean active() {
        return listeners.length > 0;
    }

    void afterExecute(String sql, int batchSize, long durationNanos, RuntimeException error) {
        EngineListener[] current = listeners;
        if (current.length == 0) {
            return;
        }
        StatementEvent event = new StatementEvent(sql, batchSize, durationNanos, error);
        for (EngineListener listener : current) {
            listener.afterExecute(event);
        }
    }

    void afterCommit() {
        for (EngineListener listener : listeners) {
            listener.afterCommit();
        }
    }

    void afterRollback() {
        for (EngineListener listener : listeners) {
            listener.afterRollback();
        }
    }
}
