package dev.athanor.tck.orm;

import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.orm.LazyLoadError;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.orm.SynchronizeSession;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.insert;
import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.Sql.update;
import static dev.athanor.orm.Loading.joinedLoad;
import static dev.athanor.orm.Loading.raiseLoad;
import static dev.athanor.orm.Loading.selectinLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The seed's ORM examples (spec sections 4 to 10), written as the spec writes them, against the public API
 * only, with database contents checked through Core.
 */
@DatabaseTest
class OrmSeedComplianceTest {
    private Registry registry;

    @BeforeEach
    void schema(Engine engine) {
        registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, Article.class);
        registry.metadata().createAll(engine);
    }

    private static List<String> names(Engine engine) {
        return engine.inTransaction(c -> c.execute(text("SELECT name FROM users ORDER BY id")).scalars(String.class)
                .all());
    }

    @Test
    void section4Sessions(Engine engine) {
        User foo = new User("foo");
        try (Session session = Session.open(engine)) {
            session.add(foo);
            session.commit();
        }
        SessionMaker newSession = SessionMaker.of(engine);
        try (Session session = newSession.open()) {
            assertThat(session.get(User.class, foo.id).name).isEqualTo("foo");
        }
        newSession.begin(session -> session.add(new User("bar")));
        assertThat(names(engine)).containsExactly("foo", "bar");
    }

    @Test
    void section5SchemaFromTheMapping(Engine engine, TestDatabase db) throws Exception {
        registry.metadata().dropAll(engine);
        registry.table(Group.class).create(engine);
        registry.table(User.class).create(engine);
        SessionMaker sessions = SessionMaker.of(engine, registry);
        sessions.begin(s -> s.add(new User("x")));
        assertThat(db.countRows("users")).isEqualTo(1);
        registry.metadata().dropAll(engine);
    }

    @Test
    void section6RelationshipsInUse(Engine engine, TestDatabase db) throws Exception {
        try (Session session = SessionMaker.of(engine, registry).open()) {
            User user1 = new User(); user1.name = "user1";
            User user2 = new User(); user2.name = "user2";
            Group group1 = new Group(); group1.name = "group1";
            Group group2 = new Group(); group2.name = "group2"; group2.members.add(user2);   // backPopulates sets user2.group
            Permission permission1 = new Permission(); permission1.name = "open_file";
            Permission permission2 = new Permission(); permission2.name = "save_file";
            user1.group = group1;
            user1.permissions.add(permission1);
            session.addAll(List.of(user1, user2, group1, group2, permission1, permission2));
            session.commit();
            assertThat(user1.permissions.get(0).id).isEqualTo(permission1.id).isNotNull();
            assertThat(user2.group).isSameAs(group2);
            assertThat(user2.groupId).isEqualTo(group2.id);
            assertThat(db.countRows("user_permissions")).isEqualTo(1);

            user1.permissions.add(permission2);                         // INSERT into user_permissions at flush
            session.commit();
            assertThat(db.countRows("user_permissions")).isEqualTo(2);
            user1.permissions.remove(permission1);                      // DELETE from user_permissions at flush
            session.commit();
            assertThat(db.countRows("user_permissions")).isEqualTo(1);
            user1.permissions.clear();
            session.commit();
            assertThat(db.countRows("user_permissions")).isZero();
            user1.permissions = new ArrayList<>();
            session.commit();
            assertThat(db.countRows("user_permissions")).isZero();
        }
    }

    @Test
    void section8LoadingRelatedObjects(Engine engine) throws Exception {
        SessionMaker sessions = SessionMaker.of(engine, registry);
        sessions.begin(session -> {
            for (int g = 0; g < 100; g++) {
                Group group = new Group();
                group.name = "group" + g;
                User member = new User("member" + g);
                Permission permission = new Permission();
                permission.name = "p" + g;
                member.permissions.add(permission);
                group.members.add(member);
                session.add(group);
            }
        });
        try (Session session = sessions.open();
                dev.athanor.testing.StatementRecorder sql = dev.athanor.testing.StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class)).scalars().all();   // members not loaded (lazy)
            groups.forEach(g -> g.members.size());
            assertThat(sql.count()).isEqualTo(101);
        }
        try (Session session = sessions.open();
                dev.athanor.testing.StatementRecorder sql = dev.athanor.testing.StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class).options(selectinLoad(Group_.members)))
                    .scalars().all();                                                          // 2 statements in all
            groups.forEach(g -> assertThat(g.members).hasSize(1));
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = sessions.open();
                dev.athanor.testing.StatementRecorder sql = dev.athanor.testing.StatementRecorder.on(engine)) {
            List<User> users = session.execute(select(User.class).options(joinedLoad(User_.permissions))).unique()
                    .scalars().all();                                                          // 1 statement
            users.forEach(u -> assertThat(u.permissions).hasSize(1));
            assertThat(sql.count()).isEqualTo(1);
            assertThatThrownBy(() -> session.execute(select(User.class).options(joinedLoad(User_.permissions)))
                    .scalars().all()).hasMessageContaining("unique()");
        }
        try (Session session = sessions.open()) {
            List<Group> groups = session.scalars(select(Group.class).options(raiseLoad(Group_.members))).all();
            assertThatThrownBy(() -> groups.get(0).members.size()).isInstanceOf(LazyLoadError.class)
                    .hasMessageContaining(".members");
        }
    }

    @Test
    void section7QueryingUpdatingDeleting(Engine engine) {
        SessionMaker sessions = SessionMaker.of(engine, registry);
        sessions.begin(s -> s.addAll(List.of(new User("john"), new User("some_user"), new User("mary"))));
        try (Session session = sessions.open()) {
            Select<User> stmt = select(User.class).where(User_.name.eq("john")).orderBy(User_.id);
            assertThat(session.scalars(stmt).all()).extracting(u -> u.name).containsExactly("john");
            stmt = select(User.class).filterBy("name", "some_user");
            assertThat(session.scalars(stmt).all()).hasSize(1);
            stmt = select(User.class).orderBy(User_.id.desc());
            List<String> seen = new ArrayList<>();
            for (User user : session.execute(stmt).scalars()) {
                seen.add(user.name);
            }
            assertThat(seen).containsExactly("mary", "some_user", "john");
            List<User> users = session.scalars(stmt).all();
            assertThat(users).hasSize(3);

            List<String> columnValues = new ArrayList<>();
            for (Row row : session.execute(select(User_.name))) {
                columnValues.add(row.get(User_.name));
            }
            assertThat(columnValues).containsExactlyInAnyOrder("john", "some_user", "mary");

            User user = session.get(User.class, users.get(2).id);
            assertThat(user.name).isEqualTo("john");

            session.execute(update(User.class).where(User_.name.eq("john")).values(User_.name, "John")
                    .executionOptions(SynchronizeSession.FETCH));
            assertThat(user.name).isEqualTo("John");

            user.name = "Johnny";
            session.commit();

            session.assign(user, User_.visitCount, User_.visitCount.plus(1));
            session.flush();
            assertThat(user.visitCount).isEqualTo(1);

            User user1 = new User("user1");
            User user2 = new User("user2");
            Group group1 = new Group();
            group1.name = "group1";
            session.add(user);
            session.addAll(List.of(user1, user2, group1));
            session.flush();
            assertThat(user1.id).isNotNull();
            assertThat(group1.id).isNotNull();
            session.delete(user2);

            String username = "user1";
            String fullname = null;
            Select<User> query = select(User.class);
            if (username != null) {
                query = query.where(User_.name.eq(username));
            }
            if (fullname != null) {
                query = query.where(User_.fullname.eq(fullname));
            }
            assertThat(session.scalars(query).all()).containsExactly(user1);
            session.commit();
        }
        assertThat(names(engine)).containsExactly("Johnny", "some_user", "mary", "user1");
    }

    @Test
    void section9JsonColumns(Engine engine) {
        SessionMaker sessions = SessionMaker.of(engine, registry);
        sessions.begin(s -> {
            Article article = new Article();
            article.tags = new ArrayList<>(List.of("java"));
            s.add(article);
        });
        try (Session session = sessions.open()) {
            Article article = session.get(Article.class, 1);
            List<String> tags = new ArrayList<>(article.tags);
            tags.add("iOS");
            article.tags = tags;
            session.commit();
        }
        try (Session session = sessions.open()) {
            Article article = session.get(Article.class, 1);
            assertThat(article.tags).containsExactly("java", "iOS");
            article.tags.add("android");                 // in place: detected too
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Article.class, 1).tags).containsExactly("java", "iOS", "android");
        }
    }

    @Test
    void section10BulkOperations(Engine engine) {
        SessionMaker sessions = SessionMaker.of(engine, registry);
        try (Session session = sessions.open()) {
            session.bulkSaveObjects(List.of(new User("u1"), new User("u2"), new User("u3")));
            session.bulkInsertMappings(User.class, List.of(Map.of("name", "u1"), Map.of("name", "u2"),
                    Map.of("name", "u3")));
            session.bulkUpdateMappings(User.class, List.of(Map.of("id", 1, "name", "x"), Map.of("id", 2, "name", "y")));
            session.execute(insert(User.class), List.of(Map.of("name", "u4"), Map.of("name", "u5")));
            session.commit();
        }
        assertThat(names(engine)).containsExactly("x", "y", "u3", "u1", "u2", "u3", "u4", "u5");
    }
}
