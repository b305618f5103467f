package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.StatementEvent;
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
 * Exact statements of the paths issue 14 made faster (the benchmarks' six workloads): get by key in its own
 * session (the key select's walk kept per statement), a plain load (rows read into one buffer, the identity map
 * per mapper), selectin of 100 parents (rows into one buffer), insert one and commit, load-change-commit.
 */
@DatabaseTest
class HotPathStatementsTest {
    private static final int GROUPS = 100;
    private SessionMaker sessions;
    private Engine engine;

    @BeforeEach
    void data(Engine engine) {
        this.engine = engine;
        Registry registry = Registry.of(User.class, Group.class, Permission.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry).withNPlusOneGuard(NPlusOneGuard.off());
        sessions.begin(session -> {
            for (int g = 0; g < GROUPS; g++) {
                Group group = new Group();
                group.name = "group" + g;
                for (int m = 0; m < 10; m++) {
                    group.members.add(new User("u" + g + "_" + m));
                }
                session.add(group);
            }
        });
    }

    @Test
    void getByKeyIsOneSelectAndOneRollbackPerSession() {
        try (StatementRecorder sql = StatementRecorder.on(engine)) {
            for (int id = 1; id <= 3; id++) {
                try (Session session = sessions.open()) {
                    Group group = session.get(Group.class, id);
                    assertThat(group.name).isEqualTo("group" + (id - 1));
                    assertThat(session.get(Group.class, id)).isSameAs(group);   // identity map: no statement
                    assertThat(session.get(Group.class, 10_000)).isNull();
                }
            }
            assertThat(sql.count()).isEqualTo(6);   // per session: the get, the miss
            assertThat(sql.sql()).containsOnly(sql.sql().get(0));   // one statement text, compiled once
            assertThat(sql.sql().get(0)).startsWith("SELECT ").contains("WHERE");
            assertThat(sql.rollbacks()).isEqualTo(3);
            assertThat(sql.commits()).isZero();
        }
    }

    @Test
    void plainLoadIsOneSelectAndFillsTheIdentityMap() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).where(Group_.id.le(50)).orderBy(Group_.id))
                    .all();
            assertThat(groups).hasSize(50);
            assertThat(groups.get(49).name).isEqualTo("group49");
            assertThat(sql.count()).isEqualTo(1);
            for (Group group : groups) {
                assertThat(session.get(Group.class, group.id)).isSameAs(group);
            }
            List<Group> again = session.scalars(select(Group.class).where(Group_.id.le(50)).orderBy(Group_.id)).all();
            assertThat(again).containsExactlyElementsOf(groups);   // the same objects, not new ones
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @Test
    void selectinOfAHundredParentsIsTwoStatements() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).where(Group_.id.le(GROUPS))
                    .options(selectinLoad(Group_.members)).orderBy(Group_.id)).all();
            int members = 0;
            for (Group group : groups) {
                members += group.members.size();
                assertThat(group.members).allSatisfy(u -> assertThat(u.group).isSameAs(group));
            }
            assertThat(groups).hasSize(GROUPS);
            assertThat(members).isEqualTo(GROUPS * 10);
            assertThat(groups.get(7).members).extracting(u -> u.name).startsWith("u7_0", "u7_1");
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql().get(1)).containsAnyOf("= ANY(", " IN (");   // ANY(array) on H2 and PostgreSQL
            session.commit();
            assertThat(sql.count()).isEqualTo(2);   // nothing changed, nothing written
        }
    }

    /**
     * Members written with falling keys, one INSERT each, so that a database reading its heap in order (PostgreSQL)
     * returns them last key first: a selectin load and a lazy load both give them in key order, each with its
     * back-reference set from the load (no statement to read {@code user.group}).
     */
    @Test
    void selectinAndLazyLoadsGiveMembersInKeyOrderWithTheirBackReference() {
        int[] groupId = new int[1];
        sessions.begin(session -> {
            Group group = new Group();
            group.name = "falling";
            session.add(group);
            session.flush();
            groupId[0] = group.id;
            for (int id = 900_009; id >= 900_000; id--) {
                User user = new User("falling" + id);
                user.id = id;
                user.group = group;
                session.add(user);
                session.flush();
            }
        });
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).where(Group_.id.in(1, groupId[0]))
                    .options(selectinLoad(Group_.members)).orderBy(Group_.id)).all();
            assertThat(groups).hasSize(2);
            Group falling = groups.get(1);
            assertThat(falling.members).extracting(u -> u.id)
                    .containsExactly(900_000, 900_001, 900_002, 900_003, 900_004, 900_005, 900_006, 900_007,
                            900_008, 900_009);
            assertThat(groups.get(0).members).hasSize(10).extracting(u -> u.id).isSorted();
            for (Group group : groups) {
                assertThat(group.members).allSatisfy(u -> assertThat(u.group).isSameAs(group));
            }
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Group falling = session.get(Group.class, groupId[0]);
            assertThat(falling.members).extracting(u -> u.name).containsExactly("falling900000", "falling900001",
                    "falling900002", "falling900003", "falling900004", "falling900005", "falling900006",
                    "falling900007", "falling900008", "falling900009");
            assertThat(falling.members).allSatisfy(u -> assertThat(u.group).isSameAs(falling));
            assertThat(sql.count()).isEqualTo(2);   // the get and the lazy load
        }
    }

    /**
     * Rows that repeat their objects (a join to the members: each group on 10 rows), two of the groups held by the
     * session before the query: every group gets its own 10 members, from one selectin statement, and the held groups
     * stay the same objects.
     */
    @Test
    void selectinOverRowsThatRepeatTheirObjectsLoadsEachParentOnce() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Group first = session.get(Group.class, 1);
            Group fourth = session.get(Group.class, 4);
            List<Group> rows = session.scalars(select(Group.class).join(User.class).where(Group_.id.le(5))
                    .options(selectinLoad(Group_.members)).orderBy(Group_.id)).all();
            assertThat(rows).hasSize(50);
            assertThat(rows.subList(0, 10)).containsOnly(first);
            assertThat(rows.subList(30, 40)).containsOnly(fourth);
            assertThat(sql.count()).isEqualTo(4);   // the two gets, the join, one selectin
            List<Group> groups = rows.stream().distinct().toList();
            assertThat(groups).extracting(g -> g.id).containsExactly(1, 2, 3, 4, 5);
            for (Group group : groups) {
                assertThat(group.members).hasSize(10)
                        .allSatisfy(u -> assertThat(u.group).isSameAs(group))
                        .extracting(u -> u.id).isSorted().doesNotHaveDuplicates();
                assertThat(group.members.get(0).name).isEqualTo("u" + (group.id - 1) + "_0");
            }
            assertThat(sql.sql().get(3)).containsAnyOf("= ANY(", " IN (");
            session.commit();
            assertThat(sql.count()).isEqualTo(4);   // nothing changed, nothing written
        }
    }

    @Test
    void selectinOfAManyToOneSharedByManyChildrenIsTwoStatementsAndOneObjectPerParent() {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            // 30 users of 3 groups: each group key is wanted by 10 children (one group of parents per key)
            List<User> users = session.scalars(select(User.class).where(User_.groupId.le(3))
                    .options(selectinLoad(User_.group)).orderBy(User_.id)).all();
            assertThat(users).hasSize(30);
            for (User user : users) {
                assertThat(user.group.id).isEqualTo(user.groupId);
                assertThat(user.group).isSameAs(session.get(Group.class, user.groupId));
            }
            assertThat(users.get(0).group).isSameAs(users.get(9).group).isNotSameAs(users.get(10).group);
            assertThat(sql.count()).isEqualTo(2);
            // the same query again: the same objects
            List<User> again = session.scalars(select(User.class).where(User_.groupId.le(3))
                    .options(selectinLoad(User_.group)).orderBy(User_.id)).all();
            assertThat(again).containsExactlyElementsOf(users);
            assertThat(sql.count()).isEqualTo(3);   // the groups are loaded already: no second selectin
            session.commit();
            assertThat(sql.commits()).isEqualTo(1);
            assertThat(sql.count()).isEqualTo(3);   // nothing written
        }
    }

    @Test
    void insertOneAndCommitIsOneInsert() {
        try (StatementRecorder sql = StatementRecorder.on(engine)) {
            Group group = new Group();
            group.name = "new";
            try (Session session = sessions.open()) {
                session.add(group);
                session.commit();
            }
            assertThat(group.id).isEqualTo(GROUPS + 1);
            assertThat(sql.sql()).hasSize(1);
            assertThat(sql.sql().get(0)).startsWith("INSERT INTO ");
            assertThat(sql.commits()).isEqualTo(1);
        }
    }

    /**
     * The insert workload: addAll, flush, commit of 10,000 objects is one batch (PostgreSQL: INSERTs of 1,000 rows),
     * every key in its object and in the identity map; the commit's dirty check then writes only what changed after
     * the flush.
     */
    @Test
    void insertTenThousandIsOneBatchAndTheCommitWritesOnlyWhatChangedAfterTheFlush() {
        int many = 10_000;
        List<Group> groups = new java.util.ArrayList<>(many);
        for (int i = 0; i < many; i++) {
            Group group = new Group();
            group.name = "new" + i;
            groups.add(group);
        }
        int inserts = engine.dialectName().equals("postgresql") ? many / 1000 : 1;
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.addAll(groups);
            session.flush();
            assertThat(sql.count()).isEqualTo(inserts);
            assertThat(sql.sql()).allMatch(s -> s.startsWith("INSERT INTO "));
            assertThat(sql.events().stream().mapToInt(StatementEvent::batchSize).sum()).isEqualTo(many);
            for (int i = 0; i < many; i++) {
                assertThat(groups.get(i).id).isEqualTo(GROUPS + 1 + i);
            }
            assertThat(session.get(Group.class, GROUPS + many)).isSameAs(groups.get(many - 1));   // no statement
            groups.get(10).name = "changed10";
            groups.get(9_999).name = "changed9999";
            session.commit();
            List<StatementEvent> events = sql.events();
            assertThat(events).hasSize(inserts + 1);
            assertThat(events.get(inserts).sql()).startsWith("UPDATE ").contains("SET name = ?");
            assertThat(events.get(inserts).batchSize()).isEqualTo(2);
            assertThat(sql.commits()).isEqualTo(1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Group.class, GROUPS + 11).name).isEqualTo("changed10");
            assertThat(session.get(Group.class, GROUPS + 10).name).isEqualTo("new9");
            assertThat(session.get(Group.class, GROUPS + many).name).isEqualTo("changed9999");
        }
    }

    /**
     * New parents with new children in one flush: the parents' INSERT first, then the children's with the parents'
     * keys, then the children's server default read back (in the snapshot: the commit writes only the two objects
     * changed after the flush).
     */
    @Test
    void newParentsAndChildrenAreInsertedInDependencyOrderWithEveryKeyInItsObject() {
        List<Group> groups = new java.util.ArrayList<>();
        for (int g = 0; g < 20; g++) {
            Group group = new Group();
            group.name = "parent" + g;
            for (int m = 0; m < 5; m++) {
                User user = new User("child" + g + "_" + m);
                user.group = group;
                group.members.add(user);
            }
            groups.add(group);
        }
        try (StatementRecorder sql = StatementRecorder.on(engine); Session session = sessions.open()) {
            session.addAll(groups);
            session.flush();
            List<StatementEvent> events = sql.events();
            assertThat(events).hasSize(3);
            assertThat(events.get(0).sql()).startsWith("INSERT INTO ").containsIgnoringCase("groups")
                    .doesNotContainIgnoringCase("users");   // quoted on H2 and MariaDB
            assertThat(events.get(0).batchSize()).isEqualTo(20);
            assertThat(events.get(1).sql()).startsWith("INSERT INTO ").containsIgnoringCase("users");
            assertThat(events.get(1).batchSize()).isEqualTo(100);
            assertThat(events.get(2).sql()).startsWith("SELECT ");   // time_registered, the server's default
            int previous = 0;
            for (Group group : groups) {
                assertThat(group.id).isGreaterThan(GROUPS);
                for (User user : group.members) {
                    assertThat(user.groupId).isEqualTo(group.id);
                    assertThat(user.id).isGreaterThan(previous);   // keys in the order the session met the objects
                    assertThat(user.timeRegistered).isNotNull();
                    assertThat(session.isModified(user)).isFalse();
                    previous = user.id;
                }
            }
            groups.get(3).name = "renamed";
            groups.get(5).members.get(2).name = "renamed";
            sql.clear();
            session.commit();
            events = sql.events();
            assertThat(events).extracting(e -> e.sql().substring(0, 6)).containsExactly("UPDATE", "UPDATE",
                    "SELECT");   // the users' UPDATE reads its onUpdate column back
            assertThat(events).allMatch(e -> e.batchSize() == 1);
            assertThat(sql.commits()).isEqualTo(1);
        }
        try (Session session = sessions.open()) {
            Group read = session.get(Group.class, groups.get(5).id);
            assertThat(read.members).extracting(u -> u.name).containsExactlyInAnyOrder("child5_0", "child5_1",
                    "renamed", "child5_3", "child5_4");
            assertThat(session.get(Group.class, groups.get(3).id).name).isEqualTo("renamed");
        }
    }

    @Test
    void loadChangeEachCommitIsOneSelectAndOneBatch() {
        try (StatementRecorder sql = StatementRecorder.on(engine)) {
            try (Session session = sessions.open()) {
                List<Group> groups = session.scalars(select(Group.class).where(Group_.id.le(GROUPS))).all();
                for (Group group : groups) {
                    group.name = group.name + "!";
                }
                session.commit();
            }
            List<StatementEvent> events = sql.events();
            assertThat(events).hasSize(2);
            assertThat(events.get(1).sql()).startsWith("UPDATE ").contains("SET name = ?");
            assertThat(events.get(1).batchSize()).isEqualTo(GROUPS);
            assertThat(sql.commits()).isEqualTo(1);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Group.class, 3).name).isEqualTo("group2!");
        }
    }

    /** The dirty check finds nothing to write when nothing changed, and exactly the objects changed otherwise. */
    @Test
    void loadChangeSomeCommitUpdatesOnlyThoseAndExpungeOrDeleteBeforeAnyLookupWorks() {
        try (StatementRecorder sql = StatementRecorder.on(engine)) {
            try (Session session = sessions.open()) {
                List<Group> groups = session.scalars(select(Group.class).where(Group_.id.le(GROUPS))
                        .orderBy(Group_.id)).all();
                session.commit();
                assertThat(sql.count()).isEqualTo(1);   // nothing changed: no UPDATE
                groups.get(3).name = "changed3";
                groups.get(7).name = "changed7";
                session.expunge(groups.get(3));          // forgotten: not written
                session.commit();
                List<StatementEvent> events = sql.events();
                assertThat(events).hasSize(2);
                assertThat(events.get(1).sql()).startsWith("UPDATE ");
                assertThat(events.get(1).batchSize()).isEqualTo(1);
                assertThat(session.contains(groups.get(3))).isFalse();
                assertThat(session.contains(groups.get(4))).isTrue();
            }
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Group.class, 4).name).isEqualTo("group3");
            assertThat(session.get(Group.class, 8).name).isEqualTo("changed7");
        }
    }
}
