package dev.athanor.orm;

import dev.athanor.ArgumentError;

/**
 * The session's N+1 detector: counts the lazy loads of each relationship in one flush-free stretch of work (a flush
 * that writes, a commit or a rollback starts a new count) and, once one relationship has loaded lazily more than {@code threshold} times, logs a
 * warning naming it and the loader option that would avoid the queries ({@link Action#WARN}, once per relationship
 * and session) or throws a {@link LazyLoadError} ({@link Action#RAISE}, for tests). Sessions warn at 20 by default.
 *
 * {@snippet :
 * SessionMaker sessions = SessionMaker.of(engine, registry).withNPlusOneGuard(NPlusOneGuard.raise(5));
 * }
 *
 * @param threshold how many lazy loads of one relationship are allowed between two flushes
 * @param action what happens at {@code threshold + 1}
 */
public record NPlusOneGuard(int threshold, Action action) {
    /** Warns at more than 20 lazy loads of one relationship: the sessions' default. */
    public static final NPlusOneGuard DEFAULT = new NPlusOneGuard(20, Action.WARN);

    /** What the guard does when the threshold is passed. */
    public enum Action { OFF, WARN, RAISE }

    public NPlusOneGuard {
        if (threshold < 0) {
            throw new ArgumentError("the N+1 guard's threshold must be 0 or more, was " + threshold);
        }
        if (action == null) {
            throw new ArgumentError("the N+1 guard needs an action (OFF, WARN, RAISE)");
        }
    }

    /** Logs a warning when one relationship loads lazily more than {@code threshold} times. */
    public static NPlusOneGuard warn(int threshold) {
        return new NPlusOneGuard(threshold, Action.WARN);
    }

    /** Throws {@link LazyLoadError} when one relationship loads lazily more than {@code threshold} times. */
    public static NPlusOneGuard raise(int threshold) {
        return new NPlusOneGuard(threshold, Action.RAISE);
    }

    /** No detection. */
    public static NPlusOneGuard off() {
        return new NPlusOneGuard(Integer.MAX_VALUE, Action.OFF);
    }
}
