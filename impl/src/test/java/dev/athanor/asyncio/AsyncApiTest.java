package dev.athanor.asyncio;

import dev.athanor.DatabaseError;
import dev.athanor.Engine;
import dev.athanor.InvalidRequestError;
import dev.athanor.IntegrityError;
import dev.athanor.ResourceClosedError;
import dev.athanor.Result;
import dev.athanor.orm.LazyLoadError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Group_;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserPermission;
import dev.athanor.testing.DatabaseTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.orm.Loading.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every method of AsyncConnection, AsyncSession and AsyncSessionMaker, their misuse errors and the lazy-load rule. */
@DatabaseTest
class AsyncApiTest {
    private Engine blocking;
    private AsyncEngine engine;
    private AsyncSessionMaker sessions;

    @BeforeEach
    void setUp(Engine blocking) {
        this.blocking = blocking;
        Registry registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, A.class);
        registry.metadata().createAll(blocking);
        engine = AsyncEngine.of(blocking);
        sessions = AsyncSessionMaker.of(engine, registry);
    }

    @AfterEach
    void tearDown() {
        engine.dispose().toCompletableFuture().join();
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }

    private static Throwable failure(CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("the stage did not fail");
    }

    private long count(String table) {
        return blocking.inTransaction(c -> c.execute(text("SELECT count(*) FROM " + table)).scalarOne(Long.class));
    }

    // ------------------------------------------------------------------ AsyncConnection

    @Test
    void connectionMethods() {
        AsyncConnection conn = await(engine.connect());
        String caller = Thread.currentThread().getName();
        Result inserted = await(conn.executeMany(text("INSERT INTO a (id, data) VALUES (:id, :data)"),
                List.of(Map.of("id", 1, "data", "x"), Map.of("id", 2, "data", "y"))));
        assertThat(inserted.returnsRows()).isFalse();
        assertThat(conn.inTransaction()).isTrue();
        await(conn.commit());
        assertThat(count("a")).isEqualTo(2);

        Result rows = await(conn.execute(text("SELECT id, data FROM a WHERE id > :id ORDER BY id"), Map.of("id", 0)));
        assertThat(rows.all()).extracting(r -> r.get("data")).containsExactly("x", "y");
        assertThat(((Number) await(conn.scalar(text("SELECT count(*) FROM a")))).longValue()).isEqualTo(2);
        assertThat(await(conn.execute(text("SELECT data FROM a ORDER BY id"))).scalars(String.class).all())
                .containsExactly("x", "y");

        await(conn.execute(text("INSERT INTO a (id, data) VALUES (3, 'z')")));
        await(conn.rollback());
        assertThat(count("a")).isEqualTo(2);

        // a savepoint rolled back inside a committed transaction
        await(conn.execute(text("INSERT INTO a (id, data) VALUES (4, 'kept')")));
        AsyncTransaction savepoint = await(conn.beginNested());
        assertThat(savepoint.isNested()).isTrue();
        await(conn.execute(text("INSERT INTO a (id, data) VALUES (5, 'undone')")));
        await(savepoint.rollback());
        await(conn.commit());
        assertThat(count("a")).isEqualTo(3);

        String worker = await(conn.callSync(c -> Thread.currentThread().getName()));
        assertThat(worker).startsWith("athanor-async").isNotEqualTo(caller);
        AtomicReference<Object> seen = new AtomicReference<>();
        await(conn.runSync(c -> seen.set(c.execute(text("SELECT max(id) FROM a")).scalar())));
        assertThat(((Number) seen.get()).intValue()).isEqualTo(4);

        assertThat(engine.status().holding()).isEqualTo(1);
        await(conn.close());
        assertThat(conn.isClosed()).isTrue();
        assertThat(engine.status().holding()).isZero();
        assertThat(blocking.poolStatus().checkedOut()).isZero();
        assertThat(failure(conn.execute(text("SELECT 1")))).isInstanceOf(ResourceClosedError.class)
                .hasMessageContaining("closed");
    }

    @Test
    void engineBeginCommitsOrRollsBack() {
        await(engine.begin(conn -> conn.execute(text("INSERT INTO a (id, data) VALUES (1, 'x')"))));
        assertThat(count("a")).isEqualTo(1);
        Throwable error = failure(engine.begin(conn -> conn.execute(text("INSERT INTO a (id, data) VALUES (2, 'y')"))
                .thenCompose(r -> conn.execute(text("INSERT INTO a (id, data) VALUES (1, 'dup')")))));
        assertThat(error).isInstanceOf(IntegrityError.class);
        assertThat(count("a")).isEqualTo(1);
        long total = await(engine.inTransaction(conn -> conn.scalar(text("SELECT count(*) FROM a"))
                .thenApply(n -> ((Number) n).longValue())));
        assertThat(total).isEqualTo(1);
        assertThat(blocking.poolStatus().checkedOut()).isZero();
    }

    @Test
    void errorsCarryTheSqlAndParameters() {
        Throwable error = failure(engine.begin(conn -> conn.execute(text("SELECT * FROM no_such_table WHERE x = :x"),
                Map.of("x", 42))));
        assertThat(error).isInstanceOf(DatabaseError.class).hasMessageContaining("no_such_table")
                .hasMessageContaining("42");
    }

    // ------------------------------------------------------------------ AsyncSession

    @Test
    void sessionMethods() {
        AsyncSession db = sessions.open();
        Group group = new Group();
        group.name = "g1";
        User ann = new User("ann");
        User bob = new User("bob");
        await(db.add(group));
        await(db.addAll(List.of(ann, bob)));
        await(db.flush());
        assertThat(ann.id).isNotNull();
        await(db.commit());
        assertThat(count("users")).isEqualTo(2);

        User again = await(db.get(User.class, ann.id));
        assertThat(again).isSameAs(ann); // identity map
        List<User> named = await(db.scalars(select(User.class).orderBy(dev.athanor.orm.model.User_.name))).all();
        assertThat(named).extracting(u -> u.name).containsExactly("ann", "bob");
        Result raw = await(db.execute(text("SELECT name FROM users WHERE name = :n"), Map.of("n", "bob")));
        assertThat(raw.scalars(String.class).all()).containsExactly("bob");
        assertThat(((Number) await(db.scalar(text("SELECT count(*) FROM users")))).intValue()).isEqualTo(2);

        ann.name = "anne";
        await(db.rollback());
        assertThat(count("users")).isEqualTo(2);

        blocking.begin(c -> c.execute(text("UPDATE users SET name = 'changed' WHERE name = 'bob'")));
        await(db.refresh(bob));
        assertThat(bob.name).isEqualTo("changed");

        User detached = new User("carl");
        detached.id = bob.id;
        User merged = await(db.merge(detached));
        assertThat(merged).isSameAs(bob);
        assertThat(bob.name).isEqualTo("carl");
        await(db.commit());
        Object name = blocking.inTransaction(c -> c.execute(text("SELECT name FROM users WHERE id = :id"),
                Map.of("id", bob.id)).scalar());
        assertThat(name).isEqualTo("carl");

        await(db.delete(ann));
        await(db.commit());
        assertThat(count("users")).isEqualTo(1);

        await(db.executeMany(text("INSERT INTO a (id, data) VALUES (:id, :data)"),
                List.of(Map.of("id", 1, "data", "p"), Map.of("id", 2, "data", "q"))));
        await(db.runSync(s -> s.commit()));
        assertThat(count("a")).isEqualTo(2);
        String q = await(db.callSync(s -> s.get(A.class, 2).data));
        assertThat(q).isEqualTo("q");

        await(db.close());
        assertThat(db.isClosed()).isTrue();
        assertThat(blocking.poolStatus().checkedOut()).isZero();
        assertThat(engine.status().holding()).isZero();
    }

    @Test
    void failureInsideBeginRollsBack() {
        Throwable error = failure(sessions.begin(db -> db.add(new A("lost"))
                .thenCompose(v -> db.flush())
                .thenCompose(v -> { throw new IllegalStateException("boom"); })));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(count("a")).isZero();
        Throwable thrown = failure(sessions.begin(db -> {
            db.add(new A("lost too"));
            throw new IllegalArgumentException("thrown at once");
        }));
        assertThat(thrown).hasMessage("thrown at once");
        assertThat(count("a")).isZero();
        assertThat(blocking.poolStatus().checkedOut()).as(blocking.poolStatus() + " " + engine.status()).isZero();
        assertThat(engine.status().holding()).isZero();

        A kept = new A("kept");
        await(sessions.begin(db -> db.add(kept)));
        assertThat(count("a")).isEqualTo(1);
        List<String> data = await(sessions.inTransaction(db -> db.execute(select(A.class))
                .thenApply(r -> r.scalars().all().stream().map(a -> a.data).toList())));
        assertThat(data).containsExactly("kept");
    }

    @Test
    void theScopesHaveClosedTheSessionAndReturnedItsConnectionWhenTheirStageCompletes() {
        await(sessions.begin(db -> db.add(new A("one"))));
        AtomicReference<AsyncSession> used = new AtomicReference<>();
        Runnable ended = () -> {
            assertThat(used.get().isClosed()).isTrue();
            assertThat(engine.status().holding()).as(engine.status().toString()).isZero();
            assertThat(blocking.poolStatus().checkedOut()).as(blocking.poolStatus().toString()).isZero();
        };
        String data = await(sessions.inSession(db -> {
            used.set(db);
            return db.execute(select(A.class)).thenApply(r -> r.scalars().one().data);
        }).whenComplete((v, e) -> ended.run()));
        assertThat(data).isEqualTo("one");

        Long total = await(sessions.inTransaction(db -> {
            used.set(db);
            return db.add(new A("two")).thenCompose(v -> db.flush())
                    .thenCompose(v -> db.scalar(text("SELECT count(*) FROM a")))
                    .thenApply(n -> ((Number) n).longValue());
        }).whenComplete((v, e) -> ended.run()));
        assertThat(total).isEqualTo(2);
        assertThat(count("a")).as("committed").isEqualTo(2);

        Throwable error = failure(sessions.inSession(db -> {
            used.set(db);
            return db.scalar(text("SELECT count(*) FROM a")).thenApply(n -> {
                throw new IllegalStateException("after the call");
            });
        }).whenComplete((v, e) -> ended.run()));
        assertThat(error).isInstanceOf(IllegalStateException.class).hasMessage("after the call");

        Integer unused = await(sessions.inSession(db -> {
            used.set(db);
            return CompletableFuture.completedFuture(7); // completes on the caller's thread: no worker involved
        }).whenComplete((v, e) -> ended.run()));
        assertThat(unused).isEqualTo(7);

        Long viaConnection = await(engine.inTransaction(conn -> conn.scalar(text("SELECT count(*) FROM a"))
                .thenApply(n -> ((Number) n).longValue())).whenComplete((v, e) -> {
                    assertThat(engine.status().holding()).isZero();
                    assertThat(blocking.poolStatus().checkedOut()).isZero();
                }));
        assertThat(viaConnection).isEqualTo(2);
    }

    @Test
    void sessionStreamsEntitiesAndRowsWithBackPressure() throws Exception {
        List<A> many = new java.util.ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            many.add(new A("a" + i));
        }
        await(sessions.begin(db -> db.addAll(many)));
        AsyncSession db = sessions.open();
        Collected<A> entities = new Collected<>(10);
        java.util.concurrent.Flow.Publisher<A> publisher = db.stream(select(A.class).orderBy(A_.id));
        entities.source = (dev.athanor.impl.asyncio.CursorPublisher<?>) publisher;
        publisher.subscribe(entities);
        assertThat(entities.done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(entities.items).extracting(a -> a.data).hasSize(25).startsWith("a1", "a2").endsWith("a25");
        assertThat(entities.maxOutstanding).isLessThanOrEqualTo(10);
        assertThat(entities.maxAhead).as("entities read from the cursor ahead of demand").isLessThanOrEqualTo(10);

        // a selectin load runs per batch: the members are there when the groups arrive, off the worker
        for (int g = 0; g < 3; g++) {
            Group group = new Group();
            group.name = "g" + g;
            group.members.add(new User("u" + g));
            await(sessions.begin(s -> s.add(group)));
        }
        await(db.commit()); // a new transaction sees the groups (MariaDB's snapshot is repeatable read)
        Collected<Group> groups = new Collected<>(2);
        db.stream(select(Group.class).options(selectinLoad(Group_.members))).subscribe(groups);
        assertThat(groups.done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(groups.error).isNull();
        assertThat(groups.items).hasSize(3).allMatch(g -> g.members.size() == 1);

        Collected<dev.athanor.Row> rows = new Collected<>(7);
        db.stream(text("SELECT data FROM a ORDER BY id")).subscribe(rows);
        assertThat(rows.done.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(rows.items).extracting(r -> r.get("data")).hasSize(25).startsWith("a1");
        assertThat(rows.error).isNull();
        // while a stream runs the session is busy; afterwards it is free
        assertThat(await(db.get(A.class, many.get(0).id))).isSameAs(entities.items.get(0));
        await(db.close());
    }

    @Test
    void explicitTransactionOfAConnection() {
        AsyncConnection conn = await(engine.connect());
        AsyncTransaction tx = await(conn.begin());
        assertThat(tx.isNested()).isFalse();
        await(conn.execute(text("INSERT INTO a (id, data) VALUES (1, 'x')")));
        await(tx.commit());
        assertThat(tx.isActive()).isFalse();
        assertThat(count("a")).isEqualTo(1);
        await(conn.close());
    }

    /** A subscriber that asks {@code step} items at a time and records the most it was sent beyond its demand. */
    static final class Collected<T> implements java.util.concurrent.Flow.Subscriber<T> {
        final List<T> items = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        final int step;
        java.util.concurrent.Flow.Subscription subscription;
        long outstanding;
        long maxOutstanding;
        dev.athanor.impl.asyncio.CursorPublisher<?> source;
        long maxAhead;
        volatile Throwable error;

        Collected(int step) {
            this.step = step;
        }

        @Override
        public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
            subscription = s;
            outstanding = step;
            s.request(step);
        }

        @Override
        public void onNext(T item) {
            items.add(item);
            if (source != null) {
                maxAhead = Math.max(maxAhead, source.rowsFetched() - items.size());
            }
            maxOutstanding = Math.max(maxOutstanding, step - outstanding + 1);
            if (--outstanding < 0) {
                error = new AssertionError("sent beyond demand");
            }
            if (outstanding == 0) {
                outstanding = step;
                subscription.request(step);
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            done.countDown();
        }

        @Override
        public void onComplete() {
            done.countDown();
        }
    }

    // ------------------------------------------------------------------ misuse

    @Test
    void concurrentOperationsFailFast() {
        AsyncConnection conn = await(engine.connect());
        CompletableFuture<Void> slow = conn.runSync(c -> pause(300)).toCompletableFuture();
        Throwable error = failure(conn.execute(text("SELECT 1")));
        assertThat(error).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("concurrent operations are not permitted")
                .hasMessageContaining("runSync()").hasMessageContaining("execute()");
        slow.join();
        assertThat(await(conn.scalar(text("SELECT 1")))).isNotNull(); // still usable afterwards
        await(conn.close());

        AsyncSession db = sessions.open();
        CompletableFuture<Void> busy = db.runSync(s -> pause(300)).toCompletableFuture();
        assertThat(failure(db.get(A.class, 1))).isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("concurrent operations are not permitted").hasMessageContaining("AsyncSession");
        assertThat(failure(db.add(new A("x")))).hasMessageContaining("concurrent operations are not permitted");
        busy.join();
        await(db.close());
        assertThat(failure(db.get(A.class, 1))).isInstanceOf(ResourceClosedError.class);
    }

    @Test
    void withAutoflushFalseLeavesPendingObjectsUnflushedUntilFlush() {
        AsyncSessionMaker manual = sessions.withAutoflush(false);
        assertThat(manual.registry().entities()).contains(A.class);
        AsyncSession db = manual.open();
        await(db.add(new A("pending")));
        assertThat(((Number) await(db.scalar(text("SELECT count(*) FROM a")))).intValue()).isZero();
        await(db.flush());
        assertThat(((Number) await(db.scalar(text("SELECT count(*) FROM a")))).intValue()).isEqualTo(1);
        await(db.close()); // not committed: rolled back
        assertThat(count("a")).isZero();

        AsyncSession auto = sessions.open();
        await(auto.add(new A("autoflushed")));
        assertThat(((Number) await(auto.scalar(text("SELECT count(*) FROM a")))).intValue()).isEqualTo(1);
        await(auto.close());
    }

    @Test
    void beginNeedsAStage() {
        Throwable error = failure(sessions.begin(db -> null));
        assertThat(error).hasMessageContaining("returned null");
    }

    // ------------------------------------------------------------------ lazy loading

    @Test
    void lazyLoadOffTheWorkerIsRefusedWithTheFixes() {
        Group group = new Group();
        group.name = "g";
        User member = new User("m");
        group.members.add(member);
        await(sessions.begin(db -> db.add(group)));

        AsyncSession db = sessions.open();
        Group loaded = await(db.execute(select(Group.class))).scalars().one();
        assertThatThrownBy(() -> loaded.members.size()).isInstanceOf(LazyLoadError.class)
                .hasMessageContaining("Group.members is not loaded")
                .hasMessageContaining("selectinLoad(Group_.members)")
                .hasMessageContaining("refresh(group, \"members\")")
                .hasMessageContaining("runSync");

        // the fixes: runSync, refresh(obj, "attr"), selectinLoad
        int inRunSync = await(db.callSync(s -> loaded.members.size()));
        assertThat(inRunSync).isEqualTo(1);
        await(db.close());

        AsyncSession second = sessions.open();
        Group refreshed = await(second.get(Group.class, group.id));
        await(second.refresh(refreshed, "members"));
        assertThat(refreshed.members).extracting(u -> u.name).containsExactly("m");
        await(second.close());

        AsyncSession third = sessions.open();
        Group eager = await(third.execute(select(Group.class).options(selectinLoad(Group_.members)))).scalars().one();
        assertThat(eager.members).extracting(u -> u.name).containsExactly("m");
        assertThat(failure(third.refresh(eager, "nope"))).hasMessageContaining("no relationship named 'nope'");
        await(third.close());
    }

    @Test
    void commitDoesNotExpireByDefault() {
        A a = new A("v1");
        AsyncSession db = sessions.open();
        await(db.add(a));
        await(db.commit());
        blocking.begin(c -> c.execute(text("UPDATE a SET data = 'v2'")));
        assertThat(sessions.expireOnCommit()).isFalse();
        assertThat(a.data).isEqualTo("v1"); // readable after commit without SQL
        await(db.close());

        AsyncSessionMaker expiring = sessions.withExpireOnCommit(true);
        AsyncSession db2 = expiring.open();
        A b = await(db2.get(A.class, a.id));
        await(db2.commit());
        A again = await(db2.get(A.class, a.id)); // expired: reloaded when met again
        assertThat(again.data).isEqualTo("v2");
        await(db2.close());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
