package dev.athanor.impl.routing;

import dev.athanor.Routing;

import java.util.function.Supplier;

/**
 * A routing that holds for the code running in a scope on this thread, whatever connection it uses: what the CDI
 * {@code @ReadOnly} interceptor sets around a method. It ranks below an option on the statement or the connection.
 */
public final class RoutingScope {
    private static final ThreadLocal<Routing> CURRENT = new ThreadLocal<>();

    private RoutingScope() {
    }

    /** Runs {@code work} with {@code routing} in force on this thread, restoring what was there before. */
    public static <T> T call(Routing routing, Supplier<T> work) {
        Routing before = CURRENT.get();
        CURRENT.set(routing);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The routing in force on this thread, or null. */
    static Routing current() {
        return CURRENT.get();
    }
}
