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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run an async engine's blocking JDBC work. Only tasks that already hold a connection permit come
 * here, so at most as many run at once as the pool has connections, whichever executor carries them: a fixed pool of
 * that many platform threads (the default, Java 17), a virtual thread per task (Java 21+, found at run time), or the
 * application's executor. Counts live threads for {@code status()}.
 *
 * <p>Hand-offs stay on the thread: a task started from a worker (the next call of a session, chained on the previous
 * one's completion, or the queue's next task when a connection is given back) is run by that worker right after its
 * current task, instead of waking another thread; on two busy cores a wake-up costs far more than the work. A
 * sweeper hands a task that waited there longer than {@link #RESCUE_MILLIS} to the executor (a callback that blocks
 * its worker must not strand the work it waits for); whichever thread claims it first runs it.
 */
final class Workers {
    static final long RESCUE_MILLIS = 20;
    private static final ThreadLocal<ArrayDeque<Handoff>> LOCAL = new ThreadLocal<>();

    private final Executor executor;
    private final ExecutorService owned; // null for an executor of the application's
    private final boolean perTask; // a virtual thread per task: counted around the task
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final ConcurrentLinkedQueue<Handoff> waiting = new ConcurrentLinkedQueue<>();
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

    /** Runs {@code task}: after the current task when called on a worker, else on the executor. */
    void execute(Runnable task) {
        ArrayDeque<Handoff> local = LOCAL.get();
        if (local != null) {
            Handoff handoff = new Handoff(task, System.nanoTime());
            local.addLast(handoff);
            waiting.add(handoff);
            return;
        }
        submit(task);
    }

    private void submit(Runnable task) {
        Runnable loop = () -> runLoop(task);
        executor.execute(perTask ? counted(loop) : loop);
    }

    /** Runs a task, then what it and its successors handed off to this thread. */
    private static void runLoop(Runnable first) {
        ArrayDeque<Handoff> local = new ArrayDeque<>();
        LOCAL.set(local);
        try {
            first.run();
            for (Handoff next = local.pollFirst(); next != null; next = local.pollFirst()) {
                next.run();
            }
        } finally {
            LOCAL.remove();
        }
    }

    /** The sweeper: hands tasks that waited too long on a busy worker to the executor. */
    private void rescue() {
        long limit = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(RESCUE_MILLIS);
        for (Handoff handoff = waiting.peek(); handoff != null; handoff = waiting.peek()) {
            if (handoff.claimed.get()) {
                waiting.poll();
            } else if (handoff.queuedAt - limit <= 0) {
                waiting.poll();
                try {
                    submit(handoff);
                } catch (RuntimeException rejected) {
                    return; // disposed: the worker that holds it runs it
                }
            } else {
                return; // the rest are younger
            }
        }
    }

    /** A handed-off task: run once, by the worker it was handed to or by the executor after a rescue. */
    private static final class Handoff implements Runnable {
        private final Runnable task;
        private final long queuedAt;
        private final AtomicBoolean claimed = new AtomicBoolean();

        Handoff(Runnable task, long queuedAt) {
            this.task = task;
            this.queuedAt = queuedAt;
        }

        @Override
        public void run() {
            if (claimed.compareAndSet(false, true)) {
                task.run();
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
