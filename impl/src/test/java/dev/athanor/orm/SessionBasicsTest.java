package dev.athanor.orm;

import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.orm.model.Article;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Group_;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserPermission;
import dev.athanor.orm.model.User_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The seed's sections 4, 5 and 7: sessions, identity map, unit of work, queries. */
@DatabaseTest
class SessionBasicsTest {
    private Registry registry;
    private SessionMaker sessions;

    @BeforeEach
    void schema(Engine engine) {
        registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, Article.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
    }

    private static User user(String name) {
        User user = new User();
        user.name = name;
        user.fullname = name + " " + name.length();
        return user;
    }

    @Test
    void addFlushSetsGeneratedKeysAndCommitStoresRows(Engine engine, TestDatabase db) throws Exception {
        try (Session session = Session.open(engine, registry); StatementRecorder sql = StatementRecorder.on(engine)) {
            User spongebob = user("spongebob");
            session.add(spongebob);
            session.flush();
            assertThat(spongebob.id).isNotNull();
            assertThat(spongebob.timeCreated).isNotNull();             // Java-side default
            assertThat(spongebob.timeRegistered).isNotNull();          // server default, read back
            session.commit();
            assertThat(sql.sql()).anyMatch(s -> s.startsWith("INSERT INTO users"));
        }
        assertThat(db.countRows("users")).isEqualTo(1);
    }

    @Test
    void manyRowsOfOneShapeGoOutAsOneBatch(Engine engine, TestDatabase db) throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<User> users = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                users.add(user("user" + i));
            }
            session.addAll(users);
            session.flush();
            List<dev.athanor.StatementEvent> inserts = sql.events().stream()
                    .filter(e -> e.sql().startsWith("INSERT")).toList();
            assertThat(inserts).hasSize(1);
            assertThat(inserts.get(0).batchSize()).isEqualTo(200);
            assertThat(users).extracting(u -> u.id).doesNotContainNull().doesNotHaveDuplicates();
            session.commit();
        }
        assertThat(db.countRows("users")).isEqualTo(200);
    }

    @Test
    void identityMapReturnsTheSameObjectWithoutSql(Engine engine) {
        sessions.begin(s -> s.add(user("sandy")));
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User first = session.scalars(select(User.class).where(User_.name.eq("sandy"))).one();
            int before = sql.count();
            User again = session.get(User.class, first.id);
            assertThat(again).isSameAs(first);
            assertThat(sql.count()).isEqualTo(before);
            User fromQuery = session.execute(select(User.class)).scalars().one();
            assertThat(fromQuery).isSameAs(first);
        }
    }

    @Test
    void dirtyCheckingUpdatesOnlyChangedColumns(Engine engine) {
        sessions.begin(s -> s.add(user("john")));
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User user = session.scalars(select(User.class).filterBy("name", "john")).one();
            session.commit();
            sql.events();
            user.name = "John";
            assertThat(session.isModified(user)).isTrue();
            session.commit();
            List<String> updates = sql.sql().stream().filter(s -> s.startsWith("UPDATE")).toList();
            assertThat(updates).hasSize(1);
            assertThat(updates.get(0)).contains("SET name = ?").doesNotContain("fullname").contains("time_updated");
            assertThat(session.isModified(user)).isFalse();
        }
        try (Session session = sessions.open()) {
            User stored = session.scalars(select(User.class).where(User_.id.isNotNull())).one();
            assertThat(stored.name).isEqualTo("John");
            assertThat(stored.timeUpdated).isNotNull();
        }
    }

    @Test
    void queriesAndColumnSelects(Engine engine) {
        sessions.begin(s -> {
            for (String name : List.of("ann", "bob", "cid", "dan")) {
                s.add(user(name));
            }
        });
        try (Session session = sessions.open()) {
            Select<User> stmt = select(User.class).where(User_.name.eq("bob")).orderBy(User_.id);
            assertThat(session.scalars(stmt).all()).extracting(u -> u.name).containsExactly("bob");
            List<String> names = new ArrayList<>();
            for (User u : session.execute(select(User.class).orderBy(User_.id.desc())).scalars()) {
                names.add(u.name);
            }
            assertThat(names).containsExactly("dan", "cid", "bob", "ann");
            assertThat(session.scalars(select(User.class).filterBy(Map.of("name", "cid"))).one().name)
                    .isEqualTo("cid");
            assertThat(session.scalars(select(User.class).orderBy(User_.name).limit(2).offset(1)).all())
                    .extracting(u -> u.name).containsExactly("bob", "cid");
            List<String> fromRows = new ArrayList<>();
            for (Row row : session.execute(select(User_.name).orderBy(User_.name))) {
                fromRows.add(row.get(User_.name));
            }
            assertThat(fromRows).containsExactly("ann", "bob", "cid", "dan");
            String username = "ann";
            Select<User> query = select(User.class);
            if (username != null) {
                query = query.where(User_.name.eq(username));
            }
            assertThat(session.scalars(query).all()).hasSize(1);
        }
    }

    @Test
    void joinToAnotherEntity(Engine engine) {
        sessions.begin(s -> {
            Group group = new Group();
            group.name = "admins";
            s.add(group);
            s.flush();
            User ann = user("ann");
            ann.groupId = group.id;
            s.addAll(List.of(ann, user("bob")));
        });
        try (Session session = sessions.open()) {
            List<User> admins = session.scalars(select(User.class).join(Group.class).where(Group_.name.eq("admins")))
                    .all();
            assertThat(admins).extracting(u -> u.name).containsExactly("ann");
        }
    }

    @Test
    void deleteRemovesTheRow(Engine engine, TestDatabase db) throws Exception {
        sessions.begin(s -> s.addAll(List.of(user("a"), user("b"))));
        sessions.begin(s -> s.delete(s.scalars(select(User.class).filterBy("name", "a")).one()));
        assertThat(db.countRows("users")).isEqualTo(1);
        long left = engine.inTransaction(c -> c.execute(text("SELECT count(*) FROM users WHERE name = 'b'"))
                .scalarOne(Long.class));
        assertThat(left).isEqualTo(1L);
    }

    @Test
    void assignWritesTheExpressionAndReadsTheValueBack(Engine engine) {
        sessions.begin(s -> s.add(user("counter")));
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User user = session.scalars(select(User.class)).one();
            session.assign(user, User_.visitCount, User_.visitCount.plus(1));
            session.flush();
            assertThat(user.visitCount).isEqualTo(1);
            assertThat(sql.sql()).anyMatch(s -> s.startsWith("UPDATE users SET visit_count = users.visit_count + ?"));
            session.assign(user, User_.visitCount, User_.visitCount.plus(5));
            session.commit();
            assertThat(user.visitCount).isEqualTo(6);
        }
    }

    @Test
    void jsonValuesChangedInPlaceAreWrittenBack(Engine engine) {
        sessions.begin(s -> {
            Article article = new Article();
            article.tags = new ArrayList<>(List.of("java"));
            article.attributes = Map.of("lang", "en");
            article.size = new Article.Dimensions(3, 4);
            s.add(article);
        });
        try (Session session = sessions.open()) {
            Article article = session.scalars(select(Article.class)).one();
            assertThat(article.tags).containsExactly("java");
            assertThat(article.size).isEqualTo(new Article.Dimensions(3, 4));
            article.tags.add("iOS");
            assertThat(session.isModified(article)).isTrue();
            session.commit();
        }
        try (Session session = sessions.open()) {
            Article article = session.get(Article.class, 1);
            assertThat(article.tags).containsExactly("java", "iOS");
            List<String> tags = new ArrayList<>(article.tags);
            tags.add("android");
            article.tags = tags;
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Article.class, 1).tags).containsExactly("java", "iOS", "android");
            assertThat(session.get(Article.class, 1).attributes).containsEntry("lang", "en");
        }
    }

    @Test
    void deferredColumnLoadsOnFirstGetterCall(Engine engine) {
        sessions.begin(s -> {
            User user = user("deferred");
            user.setDescription("a long text");
            s.add(user);
        });
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User user = session.scalars(select(User.class)).one();
            assertThat(sql.sql().get(0)).doesNotContain("description");
            int before = sql.count();
            assertThat(user.getDescription()).isEqualTo("a long text");
            assertThat(sql.count()).isEqualTo(before + 1);
            assertThat(user.getDescription()).isEqualTo("a long text");
            assertThat(sql.count()).isEqualTo(before + 1);
            assertThat(session.isModified(user)).isFalse();
            user.setDescription("changed");
            session.commit();
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User user = session.scalars(select(User.class).options(Loading.undefer(User_.description))).one();
            assertThat(user.getDescription()).isEqualTo("changed");
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql().get(0)).contains("description");
        }
    }
}
