package dev.athanor.impl.asyncio;

import dev.athanor.PoolTimeoutError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection permits without a database: arrival order, the queue timeout, no permit lost under races. */
class PermitsTest {

    /** Records its grant (or failure) in a future. */
    private static final class Recorder implements Permits.Waiter {
        final CompletableFuture<Void> outcome = new CompletableFuture<>();

        @Override
        public void granted() {
            outcome.complete(null);
        }

        @Override
        public void failed(Throwable error) {
            outcome.completeExceptionally(error);
        }
    }

    @Test
    void aReleasedPermitGoesToTheLongestWaiter() {
        Permits permits = new Permits(1, null, null);
        assertThat(permits.acquire(new Recorder())).isTrue();
        List<Recorder> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Recorder waiter = new Recorder();
            assertThat(permits.acquire(waiter)).isFalse();
            waiting.add(waiter);
        }
        assertThat(permits.waiting()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            permits.release();
            assertThat(waiting.get(i).outcome).isCompleted();
            if (i < 2) {
                assertThat(waiting.get(i + 1).outcome).isNotDone();
            }
            assertThat(permits.holding()).isEqualTo(1);
        }
        permits.release();
        assertThat(permits.holding()).isZero();
        assertThat(permits.waiting()).isZero();
        assertThat(permits.peakHolding()).isEqualTo(1);
    }

    @Test
    void aFreePermitIsNotTakenPastAWaiter() {
        Permits permits = new Permits(1, null, null);
        assertThat(permits.acquire(new Recorder())).isTrue();
        Recorder first = new Recorder();
        assertThat(permits.acquire(first)).isFalse();
        permits.release(); // handed to first, never counted free
        assertThat(first.outcome).isCompleted();
        assertThat(permits.acquire(new Recorder())).isFalse();
    }

    @Test
    void aWaiterFailsAfterTheQueueTimeoutAndLeavesTheQueue() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            Permits permits = new Permits(1, Duration.ofMillis(50), timer);
            assertThat(permits.acquire(new Recorder())).isTrue();
            Recorder late = new Recorder();
            assertThat(permits.acquire(late)).isFalse();
            assertThat(late.outcome).failsWithin(5, TimeUnit.SECONDS).withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(PoolTimeoutError.class);
            assertThat(permits.waiting()).isZero();
            permits.release();
            assertThat(permits.holding()).isZero();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void racingAcquiresAndReleasesNeverExceedTheSizeNorLoseAPermit() throws Exception {
        int size = 3;
        int threads = 8;
        int rounds = 20_000;
        Permits permits = new Permits(size, null, null);
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < rounds; i++) {
                    CountDownLatch granted = new CountDownLatch(1);
                    Permits.Waiter waiter = new Permits.Waiter() {
                        @Override
                        public void granted() {
                            granted.countDown();
                        }

                        @Override
                        public void failed(Throwable error) {
                            throw new AssertionError(error);
                        }
                    };
                    if (!permits.acquire(waiter)) {
                        try {
                            if (!granted.await(10, TimeUnit.SECONDS)) {
                                return; // a lost permit: done is never counted down for this thread
                            }
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    most.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                    inUse.decrementAndGet();
                    permits.release();
                }
                done.countDown();
            });
            thread.setDaemon(true);
            thread.start();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).as("every thread got all its permits").isTrue();
        assertThat(most.get()).isLessThanOrEqualTo(size);
        assertThat(permits.holding()).isZero();
        assertThat(permits.waiting()).isZero();
        assertThat(permits.peakHolding()).isLessThanOrEqualTo(size);
    }
}
