package dev.athanor.impl.asyncio;

import dev.athanor.ArgumentError;
import dev.athanor.asyncio.AsyncOptions;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run an async engine's blocking JDBC work. Only tasks that already hold a connection permit come
 * here, so at most as many run at once as the pool has connections, whichever executor carries them: a fixed pool of
 * that many platform threads (the default, Java 17), a virtual thread per task (Java 21+, found at run time), or the
 * application's executor. Counts live threads for {@code status()}.
 */
final class Workers {
    private final Executor executor;
    private final ExecutorService owned; // null for an executor of the application's
    private final boolean perTask; // a virtual thread per task: counted around the task
    private final AtomicInteger threads = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    Workers(AsyncOptions options, int size, String name) {
        this.perTask = options.virtualThreads();
        if (options.executor() != null) {
            this.owned = null;
            this.executor = options.executor();
        } else if (options.virtualThreads()) {
            this.owned = virtualThreadPerTask(name);
            this.executor = owned;
        } else {
            ThreadFactory factory = new CountingFactory(name);
            this.owned = new ThreadPoolExecutor(size, size, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    factory);
            this.executor = owned;
        }
    }

    void execute(Runnable task) {
        executor.execute(perTask ? counted(task) : task);
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
            return (ExecutorService) java.util.concurrent.Executors.class
                    .getMethod("newThreadPerTaskExecutor", ThreadFactory.class).invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new ArgumentError("virtualThreads(true) needs Java 21 or newer; this is Java "
                    + Runtime.version().feature() + ". Leave it off (a fixed pool of platform threads, one per pooled "
                    + "connection) or pass an executor(...)");
        }
    }

    /** Names the engine's platform threads and counts them while they live. */
    private final class CountingFactory implements ThreadFactory {
        private final String name;
        private final AtomicInteger number = new AtomicInteger();

        CountingFactory(String name) {
            this.name = name;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(counted(task), name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
