package dev.athanor.orm;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.Func;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.User_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.delete;
import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's section 10 (bulk operations) and ORM-enabled UPDATE/DELETE with synchronize_session. */
@DatabaseTest
class BulkAndSynchronizeTest {
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        Registry registry = Registry.of(User.class, Group.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
    }

    private static List<String> names(Engine engine) {
        return engine.inTransaction(c -> c.execute(text("SELECT name FROM users ORDER BY id")).scalars(String.class)
                .all());
    }

    @Test
    void theSeedsBulkOperations(Engine engine, TestDatabase db) throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            session.bulkSaveObjects(List.of(new User("u1"), new User("u2"), new User("u3")));
            session.bulkInsertMappings(User.class, List.of(Map.of("name", "m1"), Map.of("name", "m2"),
                    Map.of("name", "m3")));
            session.bulkUpdateMappings(User.class, List.of(Map.of("id", 1, "name", "x"), Map.of("id", 2, "name", "y")));
            session.execute(insert(User.class), List.of(Map.of("name", "u4"), Map.of("name", "u5")));
            assertThat(session.newObjects()).isEmpty();
            assertThat(session.dirtyObjects()).isEmpty();
            session.commit();
            List<dev.athanor.StatementEvent> events = sql.events();
            assertThat(events).filteredOn(e -> e.sql().startsWith("INSERT")).extracting(e -> e.batchSize())
                    .containsExactly(3, 3, 2);
            assertThat(events).filteredOn(e -> e.sql().startsWith("UPDATE")).extracting(e -> e.batchSize())
                    .containsExactly(2);
        }
        assertThat(names(engine)).containsExactly("x", "y", "u3", "m1", "m2", "m3", "u4", "u5");
        long withTimestamps = engine.inTransaction(c -> c.execute(text(
                "SELECT count(*) FROM users WHERE time_created IS NOT NULL")).scalarOne(Long.class));
        assertThat(withTimestamps).isEqualTo(8L);   // Java-side defaults applied to bulk inserts too
    }

    @Test
    void bulkUpdateNeedsTheKey() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.bulkUpdateMappings(User.class, List.of(Map.of("name", "x"))))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("no primary key value 'id'");
        }
    }

    private void threeUsers() {
        sessions.begin(s -> s.addAll(List.of(new User("john"), new User("jack"), new User("jill"))));
    }

    @Test
    void updateWithEvaluateChangesMatchingObjectsInTheSession(Engine engine) {
        threeUsers();
        try (Session session = sessions.open()) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
            session.execute(update(User.class).where(User_.name.eq("john")).values(User_.name, "John"));
            assertThat(users).extracting(u -> u.name).containsExactly("John", "jack", "jill");
            assertThat(session.dirtyObjects()).isEmpty();
            session.execute(update(User.class).where(User_.name.like("j%")).values(User_.visitCount,
                    User_.visitCount.plus(2)));
            assertThat(users).extracting(u -> u.visitCount).containsExactly(0, 2, 2);
            session.commit();
        }
        assertThat(names(engine)).containsExactly("John", "jack", "jill");
    }

    @Test
    void updateWithFetchAndFalse(Engine engine) {
        threeUsers();
        try (Session session = sessions.open()) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
            session.execute(update(User.class).where(Func.lower(User_.name).eq("john")).values(User_.name, "John")
                    .executionOptions(SynchronizeSession.FETCH));
            assertThat(users.get(0).name).isEqualTo("John");
            session.execute(update(User.class).where(User_.name.eq("jack")).values(User_.name, "Jack")
                    .executionOptions(SynchronizeSession.FALSE));
            assertThat(users.get(1).name).isEqualTo("jack");          // left alone, as asked
            assertThatThrownBy(() -> session.execute(update(User.class).where(Func.lower(User_.name).eq("jill"))
                    .values(User_.name, "Jill")))
                    .isInstanceOf(ArgumentError.class).hasMessageContaining("SynchronizeSession.FETCH");
            session.commit();
        }
        assertThat(names(engine)).containsExactly("John", "Jack", "jill");
    }

    @Test
    void deleteRemovesMatchingObjectsFromTheSession(Engine engine) {
        threeUsers();
        try (Session session = sessions.open()) {
            List<User> users = session.scalars(select(User.class).orderBy(User_.id)).all();
            session.execute(delete(User.class).where(User_.name.eq("jack")));
            assertThat(session.contains(users.get(1))).isFalse();
            assertThat(session.get(User.class, users.get(1).id)).isNull();
            session.execute(delete(User.class).where(User_.name.eq("jill")).executionOptions(SynchronizeSession.FETCH));
            assertThat(session.contains(users.get(2))).isFalse();
            assertThat(session.contains(users.get(0))).isTrue();
            session.commit();
        }
        assertThat(names(engine)).containsExactly("john");
    }
}
