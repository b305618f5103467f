package dev.athanor.impl.asyncio;

import dev.athanor.asyncio.AsyncOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker threads without a database: hand-offs stay on the worker, the sweeper rescues a blocked worker's tasks. */
class WorkersTest {
    private final Workers workers = new Workers(AsyncOptions.DEFAULTS, 4, "test-workers");

    @AfterEach
    void shutdown() throws InterruptedException {
        workers.shutdown(5_000);
    }

    @Test
    void aTaskStartedOnAWorkerRunsOnThatWorkerAfterTheCurrentTaskInOrder() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> first = new AtomicReference<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        workers.execute(() -> {
            first.set(Thread.currentThread());
            assertThat(workers.onWorker()).isTrue();
            workers.execute(() -> {
                order.add("second");
                threads.add(Thread.currentThread());
                done.countDown();
            });
            workers.execute(() -> {
                order.add("third");
                threads.add(Thread.currentThread());
                done.countDown();
            });
            order.add("first");
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("first", "second", "third");
        assertThat(threads).containsOnly(first.get());
        assertThat(workers.onWorker()).isFalse();
    }

    @Test
    void theTasksQueuedBehindAWorkerThatBlocksAreGivenToAnotherThread() throws Exception {
        CountDownLatch handedOffRan = new CountDownLatch(1);
        AtomicReference<Thread> blocked = new AtomicReference<>();
        AtomicReference<Thread> rescuer = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        workers.execute(() -> {
            blocked.set(Thread.currentThread());
            workers.execute(() -> {
                rescuer.set(Thread.currentThread());
                handedOffRan.countDown();
            });
            try { // waits for the very task it handed off (like join() in a callback)
                handedOffRan.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.countDown();
        });
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handedOffRan.getCount()).as("rescued, not left for the blocked worker").isZero();
        assertThat(rescuer.get()).isNotSameAs(blocked.get());
    }

    @Test
    void aLongChainOfHandOffsRunsEveryTaskOnce() throws Exception {
        // a chain of short tasks, each handing off the next, over several sweeps: the worker keeps it while it makes
        // progress (a rescue, if the machine stalls the worker, moves the rest to another thread; none is lost)
        int length = 2_000;
        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Runnable[] step = new Runnable[1];
        int[] left = {length};
        step[0] = () -> {
            threads.add(Thread.currentThread());
            long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(50);
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (--left[0] > 0) {
                workers.execute(step[0]);
            } else {
                done.countDown();
            }
        };
        workers.execute(step[0]);
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).hasSize(length);
    }

    @Test
    void theTasksQueuedBehindATaskThatThrowsStillRun() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(() -> {
            workers.execute(ran::countDown);
            throw new IllegalStateException("a task that fails");
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
