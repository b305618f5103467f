package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.orm.model.Counter;
import dev.athanor.orm.model.Counter_;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Group_;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.User_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.orm.Loading.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code executionOptions(ReadOnly.TRUE)} on an ORM select: objects without snapshots, never dirty-checked, with the
 * exact statements each path sends.
 */
@DatabaseTest
class ReadOnlyLoadingTest {
    private SessionMaker sessions;
    private Engine engine;

    @BeforeEach
    void data(Engine engine) {
        this.engine = engine;
        Registry registry = Registry.of(User.class, Group.class, Permission.class, Counter.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry).withNPlusOneGuard(NPlusOneGuard.off());
        sessions.begin(session -> {
            for (int g = 0; g < 3; g++) {
                Group group = new Group();
                group.name = "group" + g;
                for (int m = 0; m < 2; m++) {
                    group.members.add(new User("u" + g + "_" + m));
                }
                session.add(group);
            }
            Counter counter = new Counter();
            counter.id = 7L;
            counter.visitCount = 1;
            session.add(counter);
        });
    }

    private String groupName(int id) {
        try (Session session = sessions.open()) {
            return session.get(Group.class, id).name;
        }
    }

    @Test
    void readOnlyObjectsAreNotWrittenByCommit() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).orderBy(Group_.id)
                    .executionOptions(ReadOnly.TRUE)).all();
            assertThat(groups).hasSize(3);
            groups.get(0).name = "changed";
            assertThat(session.isModified(groups.get(0))).isFalse();
            session.commit();
            assertThat(sql.sql()).hasSize(1).allMatch(s -> s.startsWith("SELECT"));   // no UPDATE
            assertThat(sql.commits()).isEqualTo(1);
        }
        assertThat(groupName(1)).isEqualTo("group0");
    }

    @Test
    void withoutTheOptionTheSameChangeIsOneUpdate() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).orderBy(Group_.id)
                    .executionOptions(ReadOnly.TRUE, ReadOnly.FALSE)).all();   // the later option replaces
            groups.get(0).name = "changed";
            assertThat(session.isModified(groups.get(0))).isTrue();
            session.commit();
            assertThat(sql.sql()).hasSize(2);
            assertThat(sql.sql().get(1)).startsWith("UPDATE ").containsIgnoringCase("groups").contains("SET name");
        }
        assertThat(groupName(1)).isEqualTo("changed");
    }

    @Test
    void relationshipsLoadedByTheSelectAreReadOnlyToo() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).orderBy(Group_.id)
                    .options(selectinLoad(Group_.members)).executionOptions(ReadOnly.TRUE)).all();
            assertThat(sql.count()).isEqualTo(2);   // the groups, their members in one statement
            User member = groups.get(1).members.get(0);
            assertThat(member.name).isEqualTo("u1_0");
            member.name = "renamed";
            assertThat(session.isModified(member)).isFalse();
            session.commit();
            assertThat(sql.count()).isEqualTo(2);   // commit wrote nothing
        }
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(User.class).where(User_.name.eq("renamed"))).all()).isEmpty();
        }
    }

    @Test
    void anObjectAlreadyInTheSessionStaysModifiable() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Group first = session.get(Group.class, 1);
            Group again = session.scalars(select(Group.class).where(Group_.id.eq(1))
                    .executionOptions(ReadOnly.TRUE)).one();
            assertThat(again).isSameAs(first);
            again.name = "still tracked";
            session.commit();
            assertThat(sql.sql()).hasSize(3);   // get, the read-only select, the UPDATE
            assertThat(sql.sql().get(2)).startsWith("UPDATE ").containsIgnoringCase("groups");
        }
        assertThat(groupName(1)).isEqualTo("still tracked");
    }

    @Test
    void aReadOnlyVersionedObjectCanBeDeleted() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Counter counter = session.scalars(select(Counter.class).where(Counter_.id.eq(7L))
                    .executionOptions(ReadOnly.TRUE)).one();
            session.delete(counter);
            session.commit();
            assertThat(sql.sql()).hasSize(2);
            assertThat(sql.sql().get(1)).startsWith("DELETE FROM ").contains("counters", "version");
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Counter.class, 7L)).isNull();
        }
    }
}
