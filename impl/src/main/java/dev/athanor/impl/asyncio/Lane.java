package dev.athanor.impl.asyncio;

import dev.athanor.InvalidRequestError;
import dev.athanor.ResourceClosedError;
import dev.athanor.impl.engine.StatementScope;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * One async connection's or session's turn-taking: at most one call in flight (a second one fails at once), a
 * connection permit held from the first call that takes a pooled connection until the connection is given back,
 * the call run on a worker inside a {@link StatementScope} so that cancelling its future cancels its statement.
 * After a cancellation the owner is abandoned (rolled back, connection returned) and every later call is refused.
 */
final class Lane {
    /** What the lane drives: the blocking connection or session. Its methods run on a worker. */
    interface Owner {
        /** Whether a pooled connection is held now (the permit is kept while it is). */
        boolean holdsConnection();

        /** Rolls back and gives the connection back after a cancelled call. */
        void abandon();
    }

    /** A call's work, run on a worker. */
    interface Work<T> {
        T run() throws Exception;
    }

    private final AsyncEngineImpl engine;
    private final String kind;
    private Owner owner;
    // plain volatile fields with VarHandles rather than AtomicReferences: two objects less per session or connection
    private static final VarHandle RUNNING;
    private static final VarHandle WORKER;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RUNNING = lookup.findVarHandle(Lane.class, "running", String.class);
            WORKER = lookup.findVarHandle(Lane.class, "worker", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile String running; // the call in flight
    private volatile String cancelledCall;
    private volatile boolean closed;
    private volatile boolean permit;
    private volatile Thread worker; // the worker in a call of this lane now

    Lane(AsyncEngineImpl engine, String kind) {
        this.engine = engine;
        this.kind = kind;
    }

    void owner(Owner value) {
        this.owner = value;
    }

    /** Runs {@code work} on a worker once a connection is available; the future fails at once if refused. */
    <T> CompletableFuture<T> call(String name, Work<T> work) {
        RuntimeException refused = enter(name);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        Call<T> call = new Call<>(this, name, work);
        start(call);
        return call;
    }

    /**
     * Like {@link #call}, but run right here when the calling thread is one of the engine's workers and the lane
     * holds its permit: for the last call of a scope ({@code close} after {@code inSession}'s stage), which would
     * otherwise be handed off to run after the current task, on this same worker. Only for calls that nothing is
     * chained on but the scope's end, so that the stack does not grow with a chain of calls.
     */
    <T> CompletableFuture<T> callHere(String name, Work<T> work) {
        if (!permit || !engine.workers().onWorker()) {
            return call(name, work);
        }
        RuntimeException refused = enter(name);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        // its future is handed out only once it has run, so nobody can cancel it: no scope of its own
        T value = null;
        Throwable failure = null;
        StatementScope previous = StatementScope.enter(null);
        Thread current = Thread.currentThread();
        worker = current;
        try {
            value = work.run();
        } catch (Throwable e) {
            failure = e;
        } finally {
            WORKER.compareAndSet(this, current, null);
            StatementScope.exit(previous);
        }
        leave();
        return failure == null ? CompletableFuture.completedFuture(value) : CompletableFuture.failedFuture(failure);
    }

    /**
     * One call: its future (cancelling it cancels the call's statement and, through finish, abandons the owner), its
     * wait for a permit and its run on a worker, in one object.
     */
    private static final class Call<T> extends CompletableFuture<T>
            implements Runnable, Permits.Waiter, Consumer<Throwable> {
        private final Lane lane;
        private final String name;
        private final Work<T> work;
        private final StatementScope scope = new StatementScope();

        Call(Lane lane, String name, Work<T> work) {
            this.lane = lane;
            this.name = name;
            this.work = work;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                scope.cancel();
            }
            return cancelled;
        }

        @Override
        public void run() {
            StatementScope previous = StatementScope.enter(scope);
            Thread current = Thread.currentThread();
            lane.worker = current;
            try {
                lane.finish(name, scope, this, work);
            } finally {
                WORKER.compareAndSet(lane, current, null); // see inScope
                StatementScope.exit(previous);
            }
        }

        @Override
        public void granted() {
            lane.dispatch(this, this);
        }

        @Override
        public void accept(Throwable refused) {
            completeExceptionally(refused);
        }

        @Override
        public void failed(Throwable error) {
            lane.running = null;
            completeExceptionally(error);
        }
    }

    private <T> void start(Call<T> call) {
        if (permit || engine.permits().acquire(call)) {
            dispatch(call, call);
        } // else granted() dispatches it, or failed() fails it
    }

    /**
     * Runs {@code work} on the caller's thread (no SQL, e.g. {@code add}), with the same refusals. Lazy loads stay
     * refused meanwhile: they would run SQL on the caller's thread.
     */
    <T> CompletableFuture<T> local(String name, Work<T> work) {
        RuntimeException refused = enter(name);
        if (refused != null) {
            return CompletableFuture.failedFuture(refused);
        }
        try {
            T value = work.run();
            running = null;
            return CompletableFuture.completedFuture(value);
        } catch (Throwable e) {
            running = null;
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Takes the lane for a call (false with the reason when refused): the start of a call or a stream. */
    RuntimeException enter(String name) {
        // close() is always allowed in: it gives a connection back, even after dispose() or inside JTA
        RuntimeException refused = name.equals("close") ? null : engine.refusal(kind + "." + name + "()");
        if (refused != null) {
            return refused;
        }
        String cancelled = cancelledCall;
        if (cancelled != null) {
            return new InvalidRequestError("this " + kind + " was cancelled during " + cancelled + "(): its statement "
                    + "was cancelled, its transaction rolled back and its connection returned to the pool; " + name
                    + "() cannot run on it. Open a new one", null, "async-cancelled");
        }
        if (closed) {
            return new ResourceClosedError("this " + kind + " is closed; " + name + "() cannot run on it");
        }
        if (!RUNNING.compareAndSet(this, null, name)) {
            return new InvalidRequestError("concurrent operations are not permitted: this " + kind + " is running "
                    + running + "() while " + name + "() was called. An " + kind + " runs one call at a time: "
                    + "chain the calls (thenCompose) or give each concurrent task its own " + kind, null,
                    "async-concurrent");
        }
        return null;
    }

    /** Gets a connection permit if the lane has none, then runs {@code task} on a worker inside {@code scope}. */
    void onWorker(StatementScope scope, Runnable task, Consumer<Throwable> refused) {
        Runnable inScope = () -> inScope(scope, task);
        if (permit) {
            dispatch(inScope, refused);
            return;
        }
        Permits.Waiter waiter = new Permits.Waiter() {
            @Override
            public void granted() {
                dispatch(inScope, refused);
            }

            @Override
            public void failed(Throwable error) { // queueTimeout
                running = null;
                refused.accept(error);
            }
        };
        if (engine.permits().acquire(waiter)) {
            dispatch(inScope, refused);
        }
    }

    /** The lane holds a permit now: runs {@code task} on a worker (refused once the engine is disposed). */
    private void dispatch(Runnable task, Consumer<Throwable> refused) {
        permit = true;
        try {
            engine.workers().execute(task);
        } catch (RejectedExecutionException e) {
            releasePermit();
            running = null;
            refused.accept(new ResourceClosedError("the AsyncEngine is disposed; no more work runs on it"));
        }
    }

    private void inScope(StatementScope scope, Runnable task) {
        StatementScope previous = StatementScope.enter(scope);
        Thread current = Thread.currentThread();
        worker = current;
        try {
            task.run();
        } finally {
            // the next call may already run on another worker (started from this call's completion): keep its mark
            WORKER.compareAndSet(this, current, null);
            StatementScope.exit(previous);
        }
    }

    private <T> void finish(String name, StatementScope scope, CompletableFuture<T> result, Work<T> work) {
        T value = null;
        Throwable failure = null;
        try {
            if (!scope.isCancelled()) {
                value = work.run();
            }
        } catch (Throwable e) {
            failure = e;
        }
        if (scope.isCancelled()) {
            abandon(name);
            result.cancel(false);
            return;
        }
        leave();
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /** Ends a call: gives the permit back unless the owner still holds a connection, then frees the lane. */
    void leave() {
        boolean keep;
        try {
            keep = owner.holdsConnection();
        } catch (RuntimeException e) {
            keep = false;
        }
        if (!keep) {
            releasePermit();
        }
        running = null;
    }

    /** After a cancel: roll back and give the connection back (on this worker), refuse every later call. */
    void abandon(String name) {
        cancelledCall = name;
        StatementScope previous = StatementScope.enter(null); // the rollback must not be refused as cancelled
        try {
            owner.abandon();
        } catch (RuntimeException ignored) {
            // the connection is destroyed by the pool if its rollback failed; nothing else to undo
        } finally {
            StatementScope.exit(previous);
        }
        releasePermit();
        running = null;
    }

    private void releasePermit() {
        if (permit) {
            permit = false;
            engine.permits().release();
        }
    }

    void markClosed() {
        closed = true;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isCancelled() {
        return cancelledCall != null;
    }

    boolean holdsPermit() {
        return permit;
    }

    /** Whether the calling thread is this lane's worker in a call now (where lazy loads may run). */
    boolean onWorkerNow() {
        return worker == Thread.currentThread();
    }

    String kind() {
        return kind;
    }
}
