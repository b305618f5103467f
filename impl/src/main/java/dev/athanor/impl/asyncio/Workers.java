package dev.athanor.impl.asyncio;

import dev.athanor.ArgumentError;
import dev.athanor.asyncio.AsyncOptions;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run an async engine's blocking JDBC work. Only tasks that already hold a connection permit come
 * here, so at most as many run at once as the pool has connections, whichever executor carries them: a fixed pool of
 * that many platform threads (the default, Java 17), a virtual thread per task (Java 21+, found at run time), or the
 * application's executor. Counts live threads for {@code status()}.
 *
 * <p>Hand-offs stay on the thread: a task started from a worker (the next call of a session, chained on the previous
 * one's completion, or the queue's next task when a connection is given back) is run by that worker right after its
 * current task, instead of waking another thread; on two busy cores a wake-up costs far more than the work. A task
 * so handed off goes into the worker's own {@link Local} queue, with no per-task bookkeeping: each worker counts the
 * tasks it starts, and a sweeper looks every {@link #RESCUE_MILLIS} at the workers whose queue is not empty. One
 * whose count has not moved since the sweeper's previous look has been in the same task at least that long (a
 * callback that blocks its worker, e.g. on a future of the same engine): its queued tasks are taken from it and
 * given to the executor, so they do not wait for the very task that may be waiting for them.
 */
final class Workers {
    static final long RESCUE_MILLIS = 20;
    private static final ThreadLocal<Local> LOCAL = new ThreadLocal<>();

    private final Executor executor;
    private final ExecutorService owned; // null for an executor of the application's
    private final boolean perTask; // a virtual thread per task: counted around the task
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ConcurrentLinkedQueue<Local> watched = new ConcurrentLinkedQueue<>(); // queues the sweeper looks at
    private final ScheduledExecutorService sweeper;

    Workers(AsyncOptions options, int size, String name) {
        this.perTask = options.virtualThreads();
        if (options.executor() != null) {
            this.owned = null;
            this.executor = options.executor();
        } else if (options.virtualThreads()) {
            this.owned = virtualThreadPerTask(name);
            this.executor = owned;
        } else {
            this.owned = new ThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    new CountingFactory(name, contextLoader()));
            this.executor = owned;
        }
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::rescue, RESCUE_MILLIS, RESCUE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task}: after the current task when called on one of this engine's workers, else on the executor. */
    void execute(Runnable task) {
        Local local = LOCAL.get();
        if (local != null && local.workers == this) {
            int queued = local.add(task);
            if (queued == Local.WATCH) {
                watched.add(local);
            } else if (queued == Local.ENDED) {
                submit(task);
            }
            return;
        }
        submit(task);
    }

    /** Whether the calling thread is one of this engine's workers, running a task now. */
    boolean onWorker() {
        Local local = LOCAL.get();
        return local != null && local.workers == this;
    }

    private void submit(Runnable task) {
        Runnable run = new Local(this, task);
        executor.execute(perTask ? counted(run) : run);
    }

    /**
     * A run of a worker: a task, then what it and its successors handed off to this thread, queued here. The worker
     * adds and takes under this object's lock (contended only by the sweeper); {@code started} moves with every task
     * taken, which is what the sweeper watches. {@code watched} is true while the run is in the sweeper's list or in
     * the sweeper's hands (which puts it back).
     */
    private static final class Local implements Runnable {
        static final int QUEUED = 0;
        static final int WATCH = 1; // queued, and the sweeper must be told of this queue
        static final int ENDED = 2; // the run has ended: the caller submits the task

        private final Workers workers;
        private ArrayDeque<Runnable> tasks; // guarded by this; made at the first hand-off
        private Runnable first; // the run's own thread only
        private long started; // guarded by this
        private long seen = -1; // guarded by this: started at the sweeper's previous look
        private boolean watched; // guarded by this
        private boolean ended; // guarded by this

        Local(Workers workers, Runnable first) {
            this.workers = workers;
            this.first = first;
        }

        @Override
        public void run() {
            Local outer = LOCAL.get(); // an application executor may run us inside another engine's task
            LOCAL.set(this);
            try {
                Runnable task = first;
                first = null;
                task.run();
                for (Runnable next = next(); next != null; next = next()) {
                    next.run();
                }
            } finally {
                for (Runnable rest : end()) { // after an exception: the queued tasks still run
                    workers.submit(rest);
                }
                if (outer == null) {
                    LOCAL.remove();
                } else {
                    LOCAL.set(outer);
                }
            }
        }

        synchronized int add(Runnable task) {
            if (ended) { // e.g. from a callback that a finally block of the run's last task completes
                return ENDED;
            }
            if (tasks == null) {
                tasks = new ArrayDeque<>(8);
            }
            tasks.addLast(task);
            if (watched) {
                return QUEUED;
            }
            watched = true;
            return WATCH;
        }

        /** The next task, or null: then the run ends and nothing more may be queued here. */
        synchronized Runnable next() {
            Runnable next = tasks == null ? null : tasks.pollFirst();
            if (next != null) {
                started++;
            } else {
                ended = true;
            }
            return next;
        }

        /** The run ended (by an exception, too): what is still queued. */
        synchronized Runnable[] end() {
            ended = true;
            if (tasks == null || tasks.isEmpty()) {
                return NONE;
            }
            Runnable[] rest = tasks.toArray(NONE);
            tasks.clear();
            return rest;
        }

        /**
         * The sweeper's look: null while the worker makes progress (it stays watched); else what it queued, taken
         * from it (empty when nothing is queued any more), and it is no longer watched.
         */
        synchronized Runnable[] stranded() {
            if (tasks == null) { // listed only after a first hand-off, which made the queue
                watched = false;
                return NONE;
            }
            if (!tasks.isEmpty() && started != seen) {
                seen = started;
                return null;
            }
            seen = -1;
            watched = false;
            if (tasks.isEmpty()) {
                return NONE;
            }
            Runnable[] taken = tasks.toArray(NONE);
            tasks.clear();
            return taken;
        }

        /** Gives back tasks the executor refused (disposed): the worker runs them; true when to watch it again. */
        synchronized boolean putBack(Runnable[] rest, int from) {
            if (ended) {
                return false; // nobody left to run them: the executor is shut down, as is the engine
            }
            for (int i = rest.length - 1; i >= from; i--) {
                tasks.addFirst(rest[i]);
            }
            if (watched) {
                return false;
            }
            watched = true;
            return true;
        }
    }

    private static final Runnable[] NONE = new Runnable[0];

    /** The sweeper: hands the queued tasks of workers stuck in one task to the executor. */
    private void rescue() {
        for (int i = watched.size(); i > 0; i--) {
            Local local = watched.poll();
            if (local == null) {
                return;
            }
            Runnable[] stranded = local.stranded();
            if (stranded == null) {
                watched.add(local);
                continue;
            }
            for (int t = 0; t < stranded.length; t++) {
                try {
                    submit(stranded[t]);
                } catch (RuntimeException rejected) { // disposed: the worker that held them runs them
                    if (local.putBack(stranded, t)) {
                        watched.add(local);
                    }
                    break;
                }
            }
        }
    }

    private Runnable counted(Runnable task) {
        return () -> {
            started();
            try {
                task.run();
            } finally {
                threads.decrementAndGet();
            }
        };
    }

    private void started() {
        peak.accumulateAndGet(threads.incrementAndGet(), Math::max);
    }

    /** Stops taking tasks and lets the queued ones finish; waits at most {@code millis} for that. */
    void shutdown(long millis) throws InterruptedException {
        if (owned != null) {
            owned.shutdown();
            owned.awaitTermination(millis, TimeUnit.MILLISECONDS);
        }
        sweeper.shutdownNow();
    }

    int threads() {
        return threads.get();
    }

    int peakThreads() {
        return peak.get();
    }

    /** {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(name, 0).factory())}, looked up at run time. */
    private static ExecutorService virtualThreadPerTask(String name) {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, name + "-", 0L);
            ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder")
                    .getMethod("factory").invoke(builder);
            return (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
                    .invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new ArgumentError("virtualThreads(true) needs Java 21 or newer; this is Java "
                    + Runtime.version().feature() + ". Leave it off (a fixed pool of platform threads, one per pooled "
                    + "connection) or pass an executor(...)");
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Workers.class.getClassLoader();
    }

    /** Names the engine's platform threads, gives them the engine creator's class loader, counts them while alive. */
    private final class CountingFactory implements ThreadFactory {
        private final String name;
        private final ClassLoader loader;
        private final AtomicInteger number = new AtomicInteger();

        CountingFactory(String name, ClassLoader loader) {
            this.name = name;
            this.loader = loader;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(counted(task), name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        }
    }
}
