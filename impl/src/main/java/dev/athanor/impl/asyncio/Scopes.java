package dev.athanor.impl.asyncio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/** "Begin once" and "in session" for stages: commit or roll back after the user's stage, then close, keeping its error. */
final class Scopes {
    private Scopes() {
    }

    /**
     * Runs {@code work}; commits when its stage completes, rolls back if it throws or its stage fails; closes in both
     * cases. The stage fails with the work's error (the rollback's is suppressed into it).
     */
    static <T> CompletionStage<T> transactional(Supplier<? extends CompletionStage<T>> work,
            Supplier<CompletionStage<Void>> commit, Supplier<CompletionStage<Void>> rollback,
            Supplier<CompletionStage<Void>> close) {
        return guarded(work).thenCompose(value -> commit.get().thenApply(v -> value))
                .handle((value, error) -> error == null ? CompletableFuture.completedFuture(value)
                        : Scopes.<T>undo(rollback, unwrap(error)))
                .thenCompose(stage -> stage)
                .handle((value, error) -> Scopes.finish(close, value, error))
                .thenCompose(stage -> stage);
    }

    /** {@code stage} without its value (null stays null, for the "returned null" error). */
    static CompletionStage<Void> ignoringValue(CompletionStage<?> stage) {
        return stage == null ? null : stage.thenApply(value -> null);
    }

    /**
     * Runs {@code work} and closes afterwards, whatever happened: one callback on the work's stage; the close, run
     * right there when that callback is on the session's worker, settles the result without another stage.
     */
    static <T> CompletionStage<T> closing(Supplier<? extends CompletionStage<T>> work, Supplier<CompletionStage<Void>> close) {
        CompletableFuture<T> done = new CompletableFuture<>();
        guarded(work).whenComplete((value, error) -> {
            CompletionStage<Void> closed;
            try {
                closed = close.get();
            } catch (RuntimeException e) {
                closed = CompletableFuture.failedFuture(e);
            }
            if (closed instanceof CompletableFuture<Void> now && now.isDone()) {
                settle(done, value, error, failure(now));
            } else {
                closed.whenComplete((v, closeError) -> settle(done, value, error, closeError));
            }
        });
        return done;
    }

    /** The error of a completed future (null if it succeeded). */
    private static Throwable failure(CompletableFuture<?> completed) {
        if (!completed.isCompletedExceptionally()) {
            return null;
        }
        try {
            completed.join();
            return null;
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return e;
        }
    }

    private static <T> void settle(CompletableFuture<T> done, T value, Throwable error, Throwable closeError) {
        if (error != null) {
            Throwable cause = unwrap(error);
            if (closeError != null && closeError != cause) {
                cause.addSuppressed(unwrap(closeError));
            }
            done.completeExceptionally(cause);
        } else if (closeError != null) {
            done.completeExceptionally(unwrap(closeError));
        } else {
            done.complete(value);
        }
    }

    private static <T> CompletionStage<T> guarded(Supplier<? extends CompletionStage<T>> work) {
        try {
            CompletionStage<T> stage = work.get();
            if (stage == null) {
                return CompletableFuture.failedFuture(new dev.athanor.ArgumentError("the function given to begin/"
                        + "inTransaction/inSession returned null; return the CompletionStage of the last call"));
            }
            return stage;
        } catch (RuntimeException | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletionStage<T> undo(Supplier<CompletionStage<Void>> rollback, Throwable error) {
        CompletionStage<Void> undone;
        try {
            undone = rollback.get();
        } catch (RuntimeException e) {
            error.addSuppressed(e);
            return CompletableFuture.failedFuture(error);
        }
        return undone.handle((v, suppressed) -> {
            if (suppressed != null) {
                error.addSuppressed(unwrap(suppressed));
            }
            throw new CompletionException(error);
        });
    }

    private static <T> CompletionStage<T> finish(Supplier<CompletionStage<Void>> close, T value, Throwable error) {
        return close.get().handle((v, closeError) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                if (closeError != null && closeError != cause) {
                    cause.addSuppressed(unwrap(closeError));
                }
                throw new CompletionException(cause);
            }
            if (closeError != null) {
                throw new CompletionException(unwrap(closeError));
            }
            return value;
        });
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
