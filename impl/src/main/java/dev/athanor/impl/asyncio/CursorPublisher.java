package dev.athanor.impl.asyncio;

import dev.athanor.impl.engine.StatementScope;

import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * {@code stream()}: a publisher over a cursor read on the workers in batches of at most the subscriber's demand (and
 * at most the engine's stream batch size, also the JDBC fetch size): rows are never fetched ahead of demand by more
 * than the driver's fetch size. Each subscription runs the statement once, holds its connection or session's lane
 * until the cursor is closed (all rows delivered, an error, or {@code cancel()}), then frees it before signalling
 * completion. Signals go out from one worker at a time (a drain loop), as Reactive Streams require.
 *
 * @param <T> rows or entities
 */
public final class CursorPublisher<T> implements Flow.Publisher<T> {
    /** An open cursor: the next rows (fewer than asked when it ends), and its release. */
    interface Fetcher<T> {
        List<T> fetch(int rows);

        void close();

        static <T> Fetcher<T> of(AutoCloseable result, IntFunction<List<T>> fetch) {
            return new Fetcher<>() {
                @Override
                public List<T> fetch(int rows) {
                    return fetch.apply(rows);
                }

                @Override
                public void close() {
                    try {
                        result.close();
                    } catch (Exception ignored) {
                        // closing a cursor of a broken connection: the connection's own close releases it
                    }
                }
            };
        }
    }

    private final AsyncEngineImpl engine;
    private final Lane lane;
    private final String name;
    private final Supplier<Fetcher<T>> opener;
    private final AtomicLong fetched = new AtomicLong();

    CursorPublisher(AsyncEngineImpl engine, Lane lane, String name, Supplier<Fetcher<T>> opener) {
        this.engine = engine;
        this.lane = lane;
        this.name = name;
        this.opener = opener;
    }

    /** Rows read from cursors of this publisher so far (over all its subscriptions): for tests and monitoring. */
    public long rowsFetched() {
        return fetched.get();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        if (subscriber == null) {
            throw new NullPointerException("subscribe(null)");
        }
        RuntimeException refused = lane.enter(name);
        if (refused != null) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(refused);
            return;
        }
        Subscription subscription = new Subscription(subscriber);
        subscriber.onSubscribe(subscription);
    }

    /** One run of the statement for one subscriber. */
    private final class Subscription implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final StatementScope scope = new StatementScope();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile Throwable badRequest;
        private Fetcher<T> cursor; // touched only by the drain loop
        private boolean done;

        Subscription(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
            scope.fetchSize(engine.options().streamBatchSize());
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
            } else {
                demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            }
            schedule();
        }

        @Override
        public void cancel() {
            cancelled = true;
            schedule();
        }

        private void schedule() {
            if (work.getAndIncrement() == 0) {
                lane.onWorker(scope, this::drain, this::refused);
            }
        }

        private void refused(Throwable error) {
            done = true;
            if (!cancelled) {
                subscriber.onError(Scopes.unwrap(error));
            }
        }

        /** On a worker: emit what is asked, close when done; loops while more requests or a cancel came in. */
        private void drain() {
            int missed = 1;
            while (!done) {
                try {
                    pump();
                } catch (Throwable e) {
                    end(e);
                }
                missed = work.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }

        private void pump() {
            if (cancelled) {
                end(null);
                return;
            }
            if (badRequest != null) {
                end(badRequest);
                return;
            }
            if (cursor == null) {
                cursor = opener.get();
            }
            int batch = engine.options().streamBatchSize();
            long wanted;
            while (!cancelled && (wanted = demand.get()) > 0) {
                int size = (int) Math.min(wanted, batch);
                List<T> rows = cursor.fetch(size);
                fetched.addAndGet(rows.size());
                demand.addAndGet(-rows.size());
                for (T row : rows) {
                    subscriber.onNext(row);
                }
                if (rows.size() < size) {
                    end(null);
                    return;
                }
            }
            if (cancelled) {
                end(null);
            }
        }

        /** Closes the cursor, frees the lane, then completes (or fails) the subscriber unless it cancelled. */
        private void end(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            if (cursor != null) {
                cursor.close();
            }
            lane.leave();
            if (cancelled) {
                return;
            }
            if (error == null) {
                subscriber.onComplete();
            } else {
                subscriber.onError(error);
            }
        }
    }
}
