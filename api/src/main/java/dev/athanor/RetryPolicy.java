package dev.athanor;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * When and how often to run a transaction again after a transient error (an immutable value with a builder, in
 * the manner of Spring Retry's {@code RetryTemplate}): at most {@link #maxAttempts()} attempts, with capped
 * exponential back-off and jitter between them. Used by
 * {@link Engine#inTransaction(RetryPolicy, java.util.function.Function)} and
 * {@code SessionMaker.inTransaction(RetryPolicy, ...)}, which run the whole block again, each time in a new
 * transaction.
 *
 * <p>Retried: serialization failures (SQLState {@code 40001}, also MariaDB's deadlock 1213), deadlocks
 * ({@code 40P01}), MariaDB's lock wait time-out (1205), and a connection lost before COMMIT was sent (SQLState class
 * {@code 08}, a terminated backend, MariaDB 2006/2013/1927), where the transaction certainly rolled back. Never
 * retried by default: {@link CommitOutcomeUnknownError}, since the first attempt may have committed; declare the
 * block {@linkplain Builder#idempotent(boolean) idempotent} to retry it anyway. Anything else (constraint
 * violations, bad SQL, application exceptions) is thrown at once; add cases with {@link Builder#retryOn(Predicate)}.
 * When the attempts run out, the last error is thrown, with the earlier ones as suppressed exceptions.
 *
 * {@snippet :
 * RetryPolicy retry = RetryPolicy.builder()
 *         .maxAttempts(5)
 *         .exponentialBackoff(Duration.ofMillis(20), 2.0, Duration.ofSeconds(1))
 *         .build();
 * engine.begin(retry, conn -> {
 *     conn.execute(text("UPDATE accounts SET balance = balance - 10 WHERE id = 1"));
 *     conn.execute(text("UPDATE accounts SET balance = balance + 10 WHERE id = 2"));
 * });
 * }
 *
 * <p>Outside a JTA transaction only: inside one, the container's transaction decides and cannot be restarted by a
 * block within it.
 */
public final class RetryPolicy {
    private static final Set<Integer> MARIADB_TRANSIENT = Set.of(1213, 1205);
    private static final Set<Integer> MARIADB_DISCONNECT = Set.of(2006, 2013, 1927, 1053);
    private static final RetryPolicy DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final double multiplier;
    private final Duration maxBackoff;
    private final double jitter;
    private final boolean idempotent;
    private final Predicate<? super RuntimeException> retryOn;
    private final RetryListener listener;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.multiplier = builder.multiplier;
        this.maxBackoff = builder.maxBackoff;
        this.jitter = builder.jitter;
        this.idempotent = builder.idempotent;
        this.retryOn = builder.retryOn;
        this.listener = builder.listener;
    }

    /** 3 attempts, back-off from 50 ms doubling up to 2 s, half of each delay random, not idempotent. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many times the block runs at most (the first run included). */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether the block may run again after a {@link CommitOutcomeUnknownError}. */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Runs {@code attempt} until it returns, a non-retryable error is thrown, or {@link #maxAttempts()} is reached.
     * The engine's and session maker's retrying methods call this with a whole transaction as the attempt.
     */
    public <T> T execute(Supplier<T> attempt) {
        Objects.requireNonNull(attempt, "attempt");
        RuntimeException last = null;
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (last != null && e != last) {
                    e.addSuppressed(last);
                }
                last = e;
                if (n >= maxAttempts || !shouldRetry(e)) {
                    throw e;
                }
                Duration delay = backoff(n);
                if (listener != null) {
                    listener.beforeRetry(n, e, delay);
                }
                sleep(delay, e);
            }
        }
    }

    /** Whether this policy runs the block again after {@code error} (attempts left permitting). */
    public boolean shouldRetry(RuntimeException error) {
        if (error instanceof CommitOutcomeUnknownError) {
            return idempotent;
        }
        return isTransient(error) || (retryOn != null && retryOn.test(error));
    }

    /**
     * Whether {@code error} is transient: a serialization failure, a deadlock, a lock wait time-out, or a lost
     * connection (other than during COMMIT, see {@link CommitOutcomeUnknownError}).
     */
    public static boolean isTransient(Throwable error) {
        if (error instanceof CommitOutcomeUnknownError) {
            return false;
        }
        if (error instanceof DatabaseError db) {
            String state = db.sqlState();
            if (state != null && (state.equals("40001") || state.equals("40P01") || state.startsWith("08")
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) {
                return true;
            }
            if (MARIADB_TRANSIENT.contains(db.vendorCode()) || MARIADB_DISCONNECT.contains(db.vendorCode())) {
                return true;
            }
            return isConnectionLoss(db.getCause());
        }
        return false;
    }

    private static boolean isConnectionLoss(Throwable cause) {
        return cause instanceof SQLRecoverableException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLTransientConnectionException
                || (cause instanceof SQLException sql && sql.getSQLState() != null
                        && sql.getSQLState().startsWith("08"));
    }

    /** The delay after failed attempt {@code attempt} (1-based): capped exponential, minus a random part. */
    public Duration backoff(int attempt) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, attempt - 1);
        double capped = Math.min(base, maxBackoff.toNanos());
        double random = jitter == 0 ? 0 : ThreadLocalRandom.current().nextDouble() * jitter * capped;
        return Duration.ofNanos((long) (capped - random));
    }

    private static void sleep(Duration delay, RuntimeException pending) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw pending; // no more attempts once the thread is interrupted
        }
    }

    @Override
    public String toString() {
        return "RetryPolicy(maxAttempts=" + maxAttempts + ", backoff=" + initialBackoff + " x" + multiplier + " up to "
                + maxBackoff + ", jitter=" + jitter + (idempotent ? ", idempotent" : "") + ")";
    }

    /** Told before each retry: which attempt failed, with what, and how long the pause is. */
    @FunctionalInterface
    public interface RetryListener {
        void beforeRetry(int failedAttempt, RuntimeException error, Duration delay);
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(50);
        private double multiplier = 2.0;
        private Duration maxBackoff = Duration.ofSeconds(2);
        private double jitter = 0.5;
        private boolean idempotent;
        private Predicate<? super RuntimeException> retryOn;
        private RetryListener listener;

        private Builder() {
        }

        /** At most this many runs of the block, the first included (at least 1). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new ArgumentError("maxAttempts must be at least 1, got " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The pause after the first failure, multiplied by {@code multiplier} each time, never above {@code max}. */
        public Builder exponentialBackoff(Duration initial, double multiplier, Duration max) {
            if (initial == null || initial.isNegative() || max == null || max.compareTo(initial) < 0
                    || multiplier < 1.0) {
                throw new ArgumentError("exponentialBackoff needs 0 <= initial <= max and multiplier >= 1, got "
                        + initial + ", " + multiplier + ", " + max);
            }
            this.initialBackoff = initial;
            this.multiplier = multiplier;
            this.maxBackoff = max;
            return this;
        }

        /**
         * The random part of each pause, from 0 (none) to 1 (anywhere between 0 and the full pause, "full
         * jitter"); 0.5 by default. Jitter keeps transactions that collided from colliding again in step.
         */
        public Builder jitter(double fraction) {
            if (fraction < 0 || fraction > 1) {
                throw new ArgumentError("jitter must be between 0 and 1, got " + fraction);
            }
            this.jitter = fraction;
            return this;
        }

        /**
         * Declares that running the block twice has the same effect as once (an upsert, a set to a fixed value, an
         * insert guarded by an idempotency key), so it may run again after a {@link CommitOutcomeUnknownError}.
         */
        public Builder idempotent(boolean idempotent) {
            this.idempotent = idempotent;
            return this;
        }

        /** Retries also after errors {@code condition} accepts (besides the transient ones). */
        public Builder retryOn(Predicate<? super RuntimeException> condition) {
            this.retryOn = condition;
            return this;
        }

        /** Called before each retry (to log or count them). */
        public Builder onRetry(RetryListener listener) {
            this.listener = listener;
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
