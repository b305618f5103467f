package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.IntegrityError;
import dev.athanor.InvalidRequestError;
import dev.athanor.orm.model.Counter;
import dev.athanor.orm.model.Device;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserRole;
import dev.athanor.orm.model.User_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures, rollback, expire/refresh/merge/expunge, optimistic locking, keys and value types, thread misuse. */
@DatabaseTest
class SessionLifecycleTest {
    private Registry registry;
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        registry = Registry.of(User.class, Group.class, Counter.class, UserRole.class, Device.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
    }

    private static User user(String name, String fullname) {
        User user = new User(name);
        user.fullname = fullname;
        return user;
    }

    @Test
    void aFailedFlushRollsBackNamesTheEntityAndLeavesTheSessionUsableAfterRollback(Engine engine, TestDatabase db)
            throws Exception {
        sessions.begin(s -> s.add(user("first", "same")));
        try (Session session = sessions.open()) {
            User ok = user("ok", "unique");
            User clash = user("clash", "same");
            session.addAll(List.of(ok, clash));
            assertThatThrownBy(session::flush)
                    .isInstanceOf(IntegrityError.class)
                    .hasMessageContaining("INSERT of User (table users)");
            assertThat(ok.id).isNull();                        // generated keys put back
            assertThat(clash.id).isNull();
            assertThat(session.newObjects()).contains(ok, clash);   // still pending, inspectable
            assertThatThrownBy(() -> session.get(User.class, 1))
                    .isInstanceOf(InvalidRequestError.class).hasMessageContaining("session.rollback()");
            session.rollback();
            clash.fullname = "fixed";
            session.addAll(List.of(ok, clash));
            session.commit();
        }
        assertThat(db.countRows("users")).isEqualTo(3);
    }

    @Test
    void rollbackExpungesNewObjectsAndExpiresTheOthers(Engine engine) {
        sessions.begin(s -> s.add(user("kept", "k")));
        try (Session session = sessions.open()) {
            User kept = session.scalars(select(User.class)).one();
            kept.name = "changed in memory";
            User added = user("added", "a");
            session.add(added);
            session.flush();
            assertThat(added.id).isNotNull();
            session.rollback();
            assertThat(session.contains(added)).isFalse();
            assertThat(added.id).isNull();
            User again = session.get(User.class, kept.id);  // expired: reloaded
            assertThat(again).isSameAs(kept);
            assertThat(kept.name).isEqualTo("kept");
        }
    }

    @Test
    void expireRefreshMergeExpunge(Engine engine) {
        sessions.begin(s -> s.add(user("anna", "anna a")));
        try (Session session = sessions.open()) {
            User anna = session.scalars(select(User.class)).one();
            session.commit();   // a new transaction sees the change below (MariaDB reads are repeatable)
            engine.begin(c -> c.execute(text("UPDATE users SET name = 'ANNA'")));
            assertThat(session.scalars(select(User.class)).one().name).isEqualTo("anna");   // not overwritten
            session.expire(anna);
            assertThat(session.scalars(select(User.class)).one().name).isEqualTo("ANNA");   // reloaded when met
            session.commit();
            engine.begin(c -> c.execute(text("UPDATE users SET name = 'Anna'")));
            anna.fullname = "discarded";
            session.refresh(anna);
            assertThat(anna.name).isEqualTo("Anna");
            assertThat(anna.fullname).isEqualTo("anna a");
            session.expunge(anna);
            assertThat(session.contains(anna)).isFalse();
            anna.name = "merged";
            User merged = session.merge(anna);
            assertThat(merged).isNotSameAs(anna);
            assertThat(merged.name).isEqualTo("merged");
            assertThat(session.dirtyObjects()).containsExactly(merged);
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(User.class)).one().name).isEqualTo("merged");
            User detachedNew = user("brand new", "bn");
            User attached = session.merge(detachedNew);
            assertThat(session.newObjects()).containsExactly(attached);
        }
    }

    @Test
    void versionedRowsRaiseStaleDataErrorInsteadOfLosingUpdates(Engine engine) {
        sessions.begin(s -> {
            Counter counter = new Counter();
            counter.id = 1L;
            s.add(counter);
        });
        try (Session first = sessions.open(); Session second = sessions.open()) {
            Counter a = first.get(Counter.class, 1L);
            Counter b = second.get(Counter.class, 1L);
            assertThat(a.version).isEqualTo(1);
            a.visitCount += 1;
            first.commit();
            assertThat(a.version).isEqualTo(2);
            b.visitCount += 1;
            assertThatThrownBy(second::commit)
                    .isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("Counter(id=1)")
                    .hasMessageContaining("version 1 is stale");
        }
        try (Session session = sessions.open()) {
            Counter counter = session.get(Counter.class, 1L);
            assertThat(counter.visitCount).isEqualTo(1);
            assertThat(counter.version).isEqualTo(2);
        }
    }

    @Test
    void aStaleRowInsideABatchOfVersionedUpdatesIsDetected(Engine engine) {
        sessions.begin(s -> {
            for (long id = 1; id <= 3; id++) {
                Counter counter = new Counter();
                counter.id = id;
                s.add(counter);
            }
        });
        try (Session session = sessions.open()) {
            List<Counter> counters = session.scalars(select(Counter.class)).all();
            counters.forEach(c -> c.visitCount = 5);
            engine.begin(c -> c.execute(text("UPDATE counters SET version = version + 1 WHERE id = 2")));
            assertThatThrownBy(session::commit).isInstanceOf(StaleDataError.class)
                    .hasMessageContaining("Counter(id=2)");
        }
        long untouched = engine.inTransaction(c -> c.execute(text("SELECT count(*) FROM counters WHERE visit_count = 0"))
                .scalarOne(Long.class));
        assertThat(untouched).isEqualTo(3L);   // the whole flush was rolled back
    }

    @Test
    void sessionsWithoutARegistryMapClassesOnFirstUse(Engine engine) {
        Registry mapped = Registry.of(User.class, Group.class);   // and what their relationships refer to
        mapped.metadata().dropAll(engine);
        mapped.metadata().createAll(engine);
        try (Session session = Session.open(engine)) {
            session.add(user("auto", "mapped"));
            session.commit();
            assertThat(session.registry().contains(User.class)).isTrue();
        }
        SessionMaker maker = SessionMaker.of(engine);
        maker.begin(s -> s.add(user("second", "s")));
        int count = maker.inTransaction(s -> s.scalars(select(User.class)).all().size());
        assertThat(count).isEqualTo(2);
    }

    @Test
    void compositeAndUuidKeysAndValueTypes(Engine engine) {
        Instant seen = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        sessions.begin(s -> {
            UserRole role = new UserRole();
            role.userId = 7;
            role.role = "admin";
            role.grantedBy = "root";
            s.add(role);
            Device device = new Device();
            device.kind = Device.Kind.TABLET;
            device.seenAt = seen;
            device.price = new BigDecimal("199.90");
            device.bought = LocalDate.of(2026, 1, 2);
            device.firmware = new byte[] {1, 2, 3};
            device.active = true;
            s.add(device);
            s.flush();
            assertThat(device.id).isNotNull();     // random UUID
            assertThat(device.slots).isEqualTo(3); // literal insert default
        });
        try (Session session = sessions.open()) {
            UserRole role = session.get(UserRole.class, List.of(7, "admin"));
            assertThat(role.grantedBy).isEqualTo("root");
            assertThat(session.get(UserRole.class, Map.of("userId", 7, "role", "admin"))).isSameAs(role);
            Device device = session.scalars(select(Device.class)).one();
            assertThat(device.kind).isEqualTo(Device.Kind.TABLET);
            assertThat(device.seenAt).isEqualTo(seen);
            assertThat(device.price).isEqualByComparingTo("199.90");
            assertThat(device.bought).isEqualTo(LocalDate.of(2026, 1, 2));
            assertThat(device.firmware).containsExactly(1, 2, 3);
            assertThat(device.active).isTrue();
            assertThat(session.isModified(device)).isFalse();
            assertThat(session.get(Device.class, device.id)).isSameAs(device);
            role.grantedBy = "admin";
            device.firmware[0] = 9;                // an in-place change of an array is seen
            assertThat(session.isModified(device)).isTrue();
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Device.class)).one().firmware).containsExactly(9, 2, 3);
            assertThat(session.get(UserRole.class, List.of(7, "admin")).grantedBy).isEqualTo("admin");
        }
    }

    @Test
    void getReturnsNullForAMissingRowAndDeleteOfAPendingObjectJustForgetsIt(Engine engine) {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            assertThat(session.get(User.class, 12345)).isNull();
            User pending = user("p", "p");
            session.add(pending);
            session.delete(pending);
            session.flush();
            assertThat(sql.sql()).noneMatch(s -> s.startsWith("INSERT"));
            assertThatThrownBy(() -> session.get(User.class, "not a number"))
                    .hasMessageContaining("primary key of User");
        }
    }

    @Test
    void autoflushBeforeQueriesCanBeTurnedOff(Engine engine) {
        try (Session session = sessions.open()) {
            session.add(user("auto", "a"));
            assertThat(session.scalars(select(User.class).where(User_.name.eq("auto"))).all()).hasSize(1);
            session.setAutoflush(false);
            session.add(user("manual", "m"));
            assertThat(session.scalars(select(User.class).where(User_.name.eq("manual"))).all()).isEmpty();
            session.noAutoflush(() -> assertThat(session.autoflush()).isFalse());
        }
    }

    @Test
    void usingOneSessionFromTwoThreadsAtOnceFailsFast(Engine engine) throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Session session = sessions.open()) {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = other.submit(() -> session.noAutoflush(() -> {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> session.add(user("x", "x")))
                    .isInstanceOf(InvalidRequestError.class)
                    .hasMessageContaining("not thread-safe");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            session.add(user("now fine", "f"));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void deferredColumnOfAClosedSessionIsAClearError(Engine engine) {
        sessions.begin(s -> {
            User user = user("d", "d");
            user.setDescription("text");
            s.add(user);
        });
        User detached;
        try (Session session = sessions.open()) {
            detached = session.scalars(select(User.class)).one();
        }
        assertThatThrownBy(detached::getDescription)
                .isInstanceOf(InvalidRequestError.class)
                .hasMessageContaining("deferred columns of User")
                .hasMessageContaining("is detached");
    }
}
