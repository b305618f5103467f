package dev.athanor.orm;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.Row;
import dev.athanor.orm.model.Address;
import dev.athanor.orm.model.Article;
import dev.athanor.orm.model.Customer;
import dev.athanor.orm.model.Department;
import dev.athanor.orm.model.Employee;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Node;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.Profile;
import dev.athanor.orm.model.Tag;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserPermission;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import dev.athanor.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's section 6 and the relationship edge cases: foreign keys and association rows written by flushes. */
@DatabaseTest
class RelationshipsTest {
    private Registry registry;
    private SessionMaker sessions;
    private Engine engine;

    @BeforeEach
    void schema(Engine engine) {
        this.engine = engine;
        registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, Article.class,
                Node.class, Customer.class, Address.class, Profile.class, Department.class, Employee.class,
                Tag.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry);
    }

    private List<Row> rows(String sql) {
        try (Connection connection = engine.connect()) {
            return connection.execute(text(sql)).all();
        }
    }

    private List<List<Object>> pairs(String sql) {
        return pairs(rows(sql));
    }

    /** Pairs as the session's own transaction sees them (after a flush, before the commit). */
    private static List<List<Object>> pairs(Session session, String sql) {
        return pairs(session.execute(text(sql)).all());
    }

    private static List<List<Object>> pairs(List<Row> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (Row row : rows) {
            result.add(List.of(((Number) row.get(0)).intValue(), ((Number) row.get(1)).intValue()));
        }
        return result;
    }

    private static User user(String name) {
        User user = new User(name);
        user.fullname = name + " full";
        return user;
    }

    /** Saves a group named {@code name} with {@code count} members named prefix0, prefix1, ...; returns its key. */
    private int savedGroup(String name, String prefix, int count) {
        try (Session session = sessions.open()) {
            Group group = new Group();
            group.name = name;
            for (int i = 0; i < count; i++) {
                group.members.add(user(prefix + i));
            }
            session.add(group);
            session.commit();
            return group.id;
        }
    }

    @Test
    void theSeedsSection6(TestDatabase db) throws Exception {
        try (Session session = sessions.open()) {
            User user1 = user("user1");
            User user2 = user("user2");
            Group group1 = new Group();
            group1.name = "group1";
            Group group2 = new Group();
            group2.name = "group2";
            group2.members.add(user2);                                  // backPopulates sets user2.group
            Permission permission1 = new Permission();
            permission1.name = "open_file";
            Permission permission2 = new Permission();
            permission2.name = "save_file";
            user1.group = group1;
            user1.permissions.add(permission1);
            session.addAll(List.of(user1, user2, group1, group2, permission1, permission2));
            assertThat(user2.group).isSameAs(group2);
            assertThat(group1.members).containsExactly(user1);
            assertThat(permission1.users).containsExactly(user1);
            session.commit();
            assertThat(user1.permissions.get(0).id).isEqualTo(permission1.id).isNotNull();
            assertThat(user1.groupId).isEqualTo(group1.id);
            assertThat(user2.groupId).isEqualTo(group2.id);
            assertThat(pairs("SELECT user_id, permission_id FROM user_permissions"))
                    .containsExactly(List.of(user1.id, permission1.id));

            user1.permissions.add(permission2);                         // INSERT into user_permissions at flush
            session.flush();
            assertThat(pairs(session, "SELECT user_id, permission_id FROM user_permissions ORDER BY permission_id"))
                    .containsExactly(List.of(user1.id, permission1.id), List.of(user1.id, permission2.id));
            assertThat(permission2.users).containsExactly(user1);
            user1.permissions.remove(permission1);                      // DELETE from user_permissions at flush
            session.flush();
            assertThat(pairs(session, "SELECT user_id, permission_id FROM user_permissions"))
                    .containsExactly(List.of(user1.id, permission2.id));
            assertThat(permission1.users).isEmpty();
            user1.permissions.clear();
            session.commit();
            assertThat(db.countRows("user_permissions")).isZero();
            user1.permissions = new ArrayList<>(List.of(permission1, permission2));   // replaced collection
            session.commit();
            assertThat(db.countRows("user_permissions")).isEqualTo(2);
            user1.permissions = new ArrayList<>();
            session.commit();
            assertThat(db.countRows("user_permissions")).isZero();
        }
    }

    @Test
    void trackedListOperationsBecomeForeignKeyUpdates() throws Exception {
        int groupId = savedGroup("g", "u", 6);
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Group group = session.get(Group.class, groupId);
            assertThat(group.members).hasSize(6);
            User first = group.members.get(0);
            group.members.remove(0);                                    // remove(int)
            assertThat(first.group).isNull();
            group.members.removeIf(u -> u.name.equals("u1"));           // removeIf
            var iterator = group.members.iterator();
            iterator.next();
            iterator.remove();                                          // iterator removal (u2)
            User replacement = user("new");
            User replaced = group.members.set(0, replacement);          // set(i, x): u3 out, new in
            assertThat(replaced.name).isEqualTo("u3");
            assertThat(replacement.group).isSameAs(group);
            assertThat(session.contains(replacement)).isTrue();         // cascaded on append
            sql.clear();
            session.commit();
            assertThat(sql.sql()).filteredOn(s -> s.startsWith("UPDATE")).hasSize(1);   // one batch nulls 4 keys
            assertThat(sql.sql()).filteredOn(s -> s.startsWith("INSERT")).hasSize(1);
        }
        assertThat(rows("SELECT name FROM users WHERE group_id = " + groupId + " ORDER BY name"))
                .extracting(r -> r.get(0)).containsExactly("new", "u4", "u5");
        assertThat(rows("SELECT name FROM users WHERE group_id IS NULL ORDER BY name"))
                .extracting(r -> r.get(0)).containsExactly("u0", "u1", "u2", "u3");
    }

    /**
     * A loaded collection's iterator: it loads the collection (one statement), walks the members in key order,
     * removes through the collection's callbacks (the member's back-reference is cleared), refuses a second remove and
     * fails fast when the collection changes under it.
     */
    @Test
    void iteratingACollectionLoadsItOnceAndRemovesThroughItsCallbacks() throws Exception {
        int groupId = savedGroup("walked", "w", 4);
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Group group = session.get(Group.class, groupId);
            var iterator = group.members.iterator();
            assertThat(sql.count()).isEqualTo(2);                       // the get, then the load by iterator()
            List<String> names = new ArrayList<>();
            User removed = null;
            while (iterator.hasNext()) {
                User member = iterator.next();
                names.add(member.name);
                if (member.name.equals("w1")) {
                    iterator.remove();
                    removed = member;
                    assertThatThrownBy(iterator::remove).isInstanceOf(IllegalStateException.class);
                }
            }
            assertThat(names).containsExactly("w0", "w1", "w2", "w3");
            assertThat(removed.group).isNull();
            assertThat(group.members).extracting(u -> u.name).containsExactly("w0", "w2", "w3");
            var stale = group.members.iterator();
            stale.next();
            group.members.add(user("w4"));
            assertThatThrownBy(stale::next).isInstanceOf(java.util.ConcurrentModificationException.class);
            assertThat(sql.count()).isEqualTo(2);
            session.commit();
        }
        assertThat(rows("SELECT name FROM users WHERE group_id = " + groupId + " ORDER BY name"))
                .extracting(r -> r.get(0)).containsExactly("w0", "w2", "w3", "w4");
    }

    @Test
    void movingAChildToAnotherParent() throws Exception {
        try (Session session = sessions.open()) {
            Group a = new Group();
            a.name = "a";
            Group b = new Group();
            b.name = "b";
            User moved = user("moved");
            a.members.add(moved);
            session.addAll(List.of(a, b));
            session.commit();
            assertThat(a.members).containsExactly(moved);
            b.members.add(moved);                       // backPopulates: moved.group = b, and a.members loses it
            assertThat(moved.group).isSameAs(b);
            assertThat(a.members).isEmpty();
            session.commit();
            assertThat(rows("SELECT group_id FROM users").get(0).get(0, Integer.class)).isEqualTo(b.id);

            moved.group = a;                            // the to-one side, by field
            session.commit();
            assertThat(rows("SELECT group_id FROM users").get(0).get(0, Integer.class)).isEqualTo(a.id);
            assertThat(a.members).containsExactly(moved);
            assertThat(b.members).isEmpty();
        }
    }

    @Test
    void treeFiveLevelsDeepInOneFlush() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Node root = new Node("root");
            Node level = root;
            for (int depth = 1; depth < 5; depth++) {
                level.child("left" + depth);
                level = level.child("right" + depth);
            }
            session.add(root);
            session.commit();
            assertThat(sql.sql()).filteredOn(s -> s.startsWith("INSERT")).hasSize(5);   // one batch per level
        }
        List<Row> nodes = rows("SELECT n.name, p.name FROM nodes n LEFT JOIN nodes p ON n.parent_id = p.id "
                + "ORDER BY n.id");
        assertThat(nodes).hasSize(9);
        Map<Object, Object> parentOf = new java.util.HashMap<>();
        nodes.forEach(r -> parentOf.put(r.get(0), r.get(1)));
        assertThat(parentOf.get("root")).isNull();
        assertThat(parentOf.get("right4")).isEqualTo("right3");
        assertThat(parentOf.get("left1")).isEqualTo("root");
        try (Session session = sessions.open()) {
            Node root = session.scalars(dev.athanor.Sql.select(Node.class).filterBy("name", "root")).one();
            assertThat(root.children).extracting(n -> n.name).containsExactly("left1", "right1");
            assertThat(root.children.get(1).children.get(1).getParent()).isSameAs(root.children.get(1));
        }
    }

    @Test
    void rowsReferringToEachOtherAreWrittenWithASecondUpdate(TestDatabase db) throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            Department sales = new Department();
            sales.name = "sales";
            Employee boss = new Employee("boss");
            sales.staff.add(boss);
            sales.manager = boss;                   // departments -> employees and employees -> departments
            session.add(sales);
            session.commit();
            assertThat(sql.sql()).filteredOn(s -> s.startsWith("UPDATE")).hasSize(1);
            assertThat(sales.managerId).isEqualTo(boss.id);
            assertThat(boss.departmentId).isEqualTo(sales.id);
            session.delete(sales);
            session.delete(boss);
            session.commit();
        }
        assertThat(db.countRows("departments")).isZero();
        assertThat(db.countRows("employees")).isZero();
    }

    @Test
    void deletingAParentWithAndWithoutDeleteOrphan(TestDatabase db) throws Exception {
        int groupId;
        try (Session session = sessions.open()) {
            Group group = new Group();
            group.name = "g";
            group.members.add(user("a"));
            group.members.add(user("b"));
            Node root = new Node("root");
            root.child("c1").child("c2");
            session.addAll(List.of(group, root));
            session.commit();
            groupId = group.id;
        }
        try (Session session = sessions.open()) {
            session.delete(session.get(Group.class, groupId));      // no cascade: the members' key becomes NULL
            Node root = session.scalars(dev.athanor.Sql.select(Node.class).filterBy("name", "root")).one();
            session.delete(root);                                   // delete-orphan: the whole subtree goes
            session.commit();
        }
        List<Group> groups = sessions.inTransaction(s -> s.scalars(dev.athanor.Sql.select(Group.class)).all());
        assertThat(groups).isEmpty();
        assertThat(rows("SELECT COUNT(*) FROM users WHERE group_id IS NULL").get(0).get(0, Long.class)).isEqualTo(2);
        assertThat(db.countRows("nodes")).isZero();
    }

    @Test
    void removingFromADeleteOrphanCollectionDeletesTheChild(TestDatabase db) throws Exception {
        try (Session session = sessions.open()) {
            Node root = new Node("root");
            Node gone = root.child("gone");
            root.child("kept");
            session.add(root);
            session.commit();
            root.children.remove(gone);
            session.commit();
            assertThat(session.contains(gone)).isFalse();
        }
        assertThat(rows("SELECT name FROM nodes ORDER BY id")).extracting(r -> r.get(0))
                .containsExactly("root", "kept");
    }

    @Test
    void manyToManyWithDuplicatesAndAnUndeclaredAssociationTable(TestDatabase db) throws Exception {
        try (Session session = sessions.open()) {
            Article article = new Article();
            Tag java = new Tag("java");
            java.articles.add(article);
            java.articles.add(article);                  // a Set: once
            User user = user("dup");
            Permission read = new Permission();
            read.name = "read";
            user.permissions.add(read);
            user.permissions.add(read);                  // a List with a duplicate: one association row
            session.addAll(List.of(java, user));
            session.commit();
            assertThat(java.articles).hasSize(1);
        }
        assertThat(db.countRows("article_tags")).isEqualTo(1);
        assertThat(db.countRows("user_permissions")).isEqualTo(1);
        assertThat(registry.metadata().tables()).extracting(t -> t.name()).contains("article_tags");
    }

    @Test
    void unsavedObjectsInCollectionsOfSavedObjectsAreCascaded(TestDatabase db) throws Exception {
        try (Session session = sessions.open()) {
            Group group = new Group();
            group.name = "g";
            session.add(group);
            session.commit();
            User late = user("late");
            Permission perm = new Permission();
            perm.name = "p";
            late.permissions.add(perm);                  // perm only reachable through late
            group.members.add(late);                     // a tracked collection of a persistent object
            session.commit();
            assertThat(late.id).isNotNull();
            assertThat(perm.id).isNotNull();
            assertThat(late.groupId).isEqualTo(group.id);
        }
        assertThat(db.countRows("users")).isEqualTo(1);
        assertThat(db.countRows("permissions")).isEqualTo(1);
        assertThat(db.countRows("user_permissions")).isEqualTo(1);
    }

    @Test
    void explicitForeignKeysAndOneToOne() throws Exception {
        int customerId;
        try (Session session = sessions.open()) {
            Customer customer = new Customer();
            customer.name = "c";
            customer.billingAddress = new Address("billing street");
            customer.shippingAddress = new Address("shipping street");
            customer.profile = new Profile("first");
            session.add(customer);
            session.commit();
            customerId = customer.id;
            assertThat(customer.profile.customer).isSameAs(customer);
            assertThat(customer.profile.customerId).isEqualTo(customer.id);
        }
        try (Session session = sessions.open()) {
            Customer customer = session.get(Customer.class, customerId);
            assertThat(customer.getBillingAddress().street).isEqualTo("billing street");   // lazy through getter
            assertThat(customer.getProfile().bio).isEqualTo("first");
            customer.profile = new Profile("second");     // one-to-one with delete-orphan: the first is deleted
            session.commit();
        }
        assertThat(rows("SELECT bio, customer_id FROM profiles")).hasSize(1)
                .allSatisfy(r -> assertThat(r.get(0)).isEqualTo("second"));
        assertThat(rows("SELECT a.street FROM customers c JOIN addresses a ON c.shipping_address_id = a.id"))
                .extracting(r -> r.get(0)).containsExactly("shipping street");
    }

    @Test
    void ambiguousForeignKeysAreAMappingErrorNamingBoth() {
        assertThatThrownBy(() -> Registry.of(dev.athanor.orm.model.bad.Invoice.class, Address.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Invoice.address")
                .hasMessageContaining("from_address_id")
                .hasMessageContaining("to_address_id")
                .hasMessageContaining("foreignKey");
    }

    @Test
    void aFailedFlushWithRelationshipsRollsBackAndLeavesTheSessionUsable(TestDatabase db) throws Exception {
        try (Session session = sessions.open()) {
            Group group = new Group();
            group.name = "g";
            User first = user("same");
            User second = user("other");
            second.fullname = first.fullname;              // unique violation
            group.members.add(first);
            group.members.add(second);
            session.add(group);
            assertThatThrownBy(session::commit).isInstanceOf(dev.athanor.IntegrityError.class);
            session.rollback();
            assertThat(group.id).isNull();
            second.fullname = "fixed";
            session.add(group);
            session.commit();
            assertThat(second.groupId).isEqualTo(group.id);
        }
        assertThat(db.countRows("users")).isEqualTo(2);
    }

    @Test
    void passiveDeletesLeaveTheChildrenToTheDatabase(TestDatabase db) throws Exception {
        Registry albums = Registry.of(dev.athanor.orm.model.Album.class);
        albums.metadata().createAll(engine);
        SessionMaker maker = SessionMaker.of(engine, albums);
        int albumId = maker.inTransaction(session -> {
            dev.athanor.orm.model.Album album = new dev.athanor.orm.model.Album();
            album.title = "summer";
            album.photos.add(new dev.athanor.orm.model.Photo("a.jpg"));
            album.photos.add(new dev.athanor.orm.model.Photo("b.jpg"));
            session.add(album);
            session.flush();
            return album.id;
        });
        assertThat(db.countRows("photos")).isEqualTo(2);
        try (Session session = maker.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            session.delete(session.get(dev.athanor.orm.model.Album.class, albumId));
            session.commit();
            assertThat(sql.sql()).noneMatch(s -> s.contains("photos"));    // not loaded, not deleted one by one
        }
        assertThat(db.countRows("albums")).isZero();
        assertThat(db.countRows("photos")).isZero();                       // ON DELETE CASCADE did it
    }

    @Test
    void mergeCascadesToRelatedObjects(TestDatabase db) throws Exception {
        Group detached = new Group();
        detached.name = "outside";
        detached.members.add(user("m1"));
        detached.members.add(user("m2"));
        try (Session session = sessions.open()) {
            Group merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.members).hasSize(2).doesNotContainAnyElementsOf(detached.members);
            session.commit();
            assertThat(merged.members).allSatisfy(u -> assertThat(u.groupId).isEqualTo(merged.id));
        }
        assertThat(db.countRows("users")).isEqualTo(2);
    }

    @Test
    void relationshipMistakesAreMappingErrorsNamingClassAndField() {
        assertThatThrownBy(() -> Registry.of(dev.athanor.orm.model.bad.Dangling.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Dangling.names")
                .hasMessageContaining("not an @Entity");
        assertThatThrownBy(() -> Registry.of(dev.athanor.orm.model.bad.WrongBack.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("WrongBack.group")
                .hasMessageContaining("backPopulates = \"nothing\"")
                .hasMessageContaining("Group has no relationship 'nothing'");
    }

    @Test
    void aTrackedSetAndARollbackThatExpiresCollections(TestDatabase db) throws Exception {
        int tagId;
        try (Session session = sessions.open()) {
            Tag tag = new Tag("t");
            tag.articles.add(new Article());
            session.add(tag);
            session.commit();
            tagId = tag.id;
        }
        try (Session session = sessions.open()) {
            Tag tag = session.get(Tag.class, tagId);
            assertThat(tag.articles).isInstanceOf(java.util.Set.class).hasSize(1);
            Article second = new Article();
            tag.articles.add(second);
            assertThat(tag.articles.add(second)).isFalse();             // a set: no duplicate
            session.commit();
            assertThat(db.countRows("article_tags")).isEqualTo(2);
            tag.articles.removeIf(a -> a == second);
            session.flush();
            session.rollback();                                        // the removal is undone in the database
            assertThat(tag.articles).hasSize(2);                       // expired: loaded again, both rows there
            var iterator = tag.articles.iterator();
            iterator.next();
            iterator.remove();
            session.commit();
        }
        assertThat(db.countRows("article_tags")).isEqualTo(1);
        assertThat(db.countRows("articles")).isEqualTo(2);
    }
}
