package dev.athanor.orm;

import dev.athanor.Connection;
import dev.athanor.Engine;
import dev.athanor.orm.model.Box;
import dev.athanor.orm.model.Box_;
import dev.athanor.orm.model.Customer;
import dev.athanor.orm.model.Address;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Group_;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.Shelf;
import dev.athanor.orm.model.Shelf_;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserPermission;
import dev.athanor.orm.model.User_;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.athanor.Sql.select;
import static dev.athanor.Sql.text;
import static dev.athanor.orm.Loading.containsEager;
import static dev.athanor.orm.Loading.defer;
import static dev.athanor.orm.Loading.joinedLoad;
import static dev.athanor.orm.Loading.lazyLoad;
import static dev.athanor.orm.Loading.noLoad;
import static dev.athanor.orm.Loading.populateExisting;
import static dev.athanor.orm.Loading.raiseLoad;
import static dev.athanor.orm.Loading.selectinLoad;
import static dev.athanor.orm.Loading.undefer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seed's section 8: loading strategies, with exact statement counts, and the N+1 guard. */
@DatabaseTest
class LoadingStrategiesTest {
    private static final int GROUPS = 100;
    private static final int MEMBERS = 3;

    private SessionMaker sessions;
    private Engine engine;

    @BeforeEach
    void data(Engine engine) {
        this.engine = engine;
        Registry registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class,
                Shelf.class, Box.class, Customer.class, Address.class);
        registry.metadata().createAll(engine);
        sessions = SessionMaker.of(engine, registry).withNPlusOneGuard(NPlusOneGuard.off());
        sessions.begin(session -> {
            Permission read = new Permission();
            read.name = "read";
            Permission write = new Permission();
            write.name = "write";
            for (int g = 0; g < GROUPS; g++) {
                Group group = new Group();
                group.name = "group" + g;
                for (int m = 0; m < MEMBERS; m++) {
                    User user = new User("u" + g + "_" + m);
                    user.fullname = user.name + " full";
                    user.permissions.add(m % 2 == 0 ? read : write);
                    if (m == 0) {
                        user.permissions.add(write);
                    }
                    group.members.add(user);
                }
                session.add(group);
            }
            Shelf shelf = new Shelf("north", 1);
            shelf.boxes.add(new Box("b1"));
            shelf.boxes.add(new Box("b2"));
            session.addAll(List.of(shelf, new Shelf("south", 1)));
        });
    }

    private static int memberCount(List<Group> groups) {
        int count = 0;
        for (Group group : groups) {
            count += group.members.size();
        }
        return count;
    }

    @Test
    void lazyLoadingIsOneStatementPerGroup() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class)).scalars().all();
            assertThat(sql.count()).isEqualTo(1);                          // members not loaded
            assertThat(memberCount(groups)).isEqualTo(GROUPS * MEMBERS);
            assertThat(sql.count()).isEqualTo(GROUPS + 1);                 // the N+1
        }
    }

    @Test
    void selectinLoadIsTwoStatements() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class).options(selectinLoad(Group_.members))
                    .orderBy(Group_.id)).scalars().all();
            assertThat(memberCount(groups)).isEqualTo(GROUPS * MEMBERS);
            assertThat(sql.count()).isEqualTo(2);
            assertThat(sql.sql().get(1)).containsAnyOf(" IN (", "= ANY(");   // ANY(array) where the dialect has arrays
            assertThat(groups.get(5).members).extracting(u -> u.name).containsExactly("u5_0", "u5_1", "u5_2");
            assertThat(groups.get(5).members.get(0).group).isSameAs(groups.get(5));   // identity map + back side
        }
    }

    @Test
    void selectinLoadBatchSizeAndManyToOne() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).options(selectinLoad(Group_.members, 30))).all();
            assertThat(memberCount(groups)).isEqualTo(GROUPS * MEMBERS);
            assertThat(sql.count()).isEqualTo(1 + 4);                       // 100 groups in batches of 30
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<User> users = session.scalars(select(User.class).options(selectinLoad(User_.group))
                    .orderBy(User_.id)).all();
            assertThat(users).allSatisfy(u -> assertThat(u.group).isNotNull());
            assertThat(users.get(0).group.name).isEqualTo("group0");
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @Test
    void joinedLoadIsOneStatementAndNeedsUnique() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<User> users = session.execute(select(User.class).options(joinedLoad(User_.permissions))
                    .orderBy(User_.id)).unique().scalars().all();
            assertThat(users).hasSize(GROUPS * MEMBERS);
            assertThat(users.get(0).permissions).extracting(p -> p.name).containsExactlyInAnyOrder("read", "write");
            assertThat(users.get(1).permissions).extracting(p -> p.name).containsExactly("write");
            assertThat(sql.count()).isEqualTo(1);
            assertThat(sql.sql().get(0)).contains("LEFT OUTER JOIN");
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class).options(joinedLoad(Group_.members)))
                    .unique().scalars().all();
            assertThat(groups).hasSize(GROUPS);
            assertThat(memberCount(groups)).isEqualTo(GROUPS * MEMBERS);
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.execute(select(Group.class).options(joinedLoad(Group_.members)))
                    .scalars().all())
                    .isInstanceOf(dev.athanor.InvalidRequestError.class)
                    .hasMessageContaining("unique()");
            List<User> users = session.scalars(select(User.class).options(joinedLoad(User_.group))
                    .orderBy(User_.id)).all();
            assertThat(users).hasSize(GROUPS * MEMBERS);                  // a to-one join needs no unique()
            assertThat(users.get(0).group.name).isEqualTo("group0");
        }
    }

    @Test
    void chainedOptions() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<User> users = session.scalars(select(User.class).where(User_.name.like("u1_%"))
                    .options(selectinLoad(User_.group).selectinLoad(Group_.members))).all();
            assertThat(users).isNotEmpty();
            assertThat(users.get(0).group.members).hasSize(MEMBERS);
            assertThat(sql.count()).isEqualTo(3);
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.execute(select(Group.class).orderBy(Group_.id)
                    .options(joinedLoad(Group_.members).joinedLoad(User_.permissions))).unique().scalars().all();
            assertThat(groups.get(3).members).filteredOn(u -> u.name.equals("u3_0")).singleElement()
                    .satisfies(u -> assertThat(u.permissions).hasSize(2));
            assertThat(sql.count()).isEqualTo(1);
        }
        assertThatThrownBy(() -> selectinLoad(User_.group).selectinLoad(User_.permissions))
                .isInstanceOf(dev.athanor.ArgumentError.class).hasMessageContaining("cannot chain");
    }

    @Test
    void raiseLoadNoLoadAndLazyLoad() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).options(raiseLoad(Group_.members))).all();
            assertThatThrownBy(() -> groups.get(0).members.size())
                    .isInstanceOf(LazyLoadError.class)
                    .hasMessageContaining("Group(id=" + groups.get(0).id + ").members")
                    .hasMessageContaining("raiseLoad")
                    .hasMessageContaining("selectinLoad(Group_.members)");
            List<Group> none = session.scalars(select(Group.class).options(noLoad(Group_.members),
                    populateExisting())).all();
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Group> groups = session.scalars(select(Group.class).options(noLoad(Group_.members))).all();
            assertThat(groups.get(0).members).isEmpty();
            assertThat(sql.count()).isEqualTo(1);
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Shelf> shelves = session.scalars(select(Shelf.class).options(lazyLoad(Shelf_.boxes))).all();
            assertThat(sql.count()).isEqualTo(1);                           // mapping says SELECTIN, option LAZY
            assertThat(shelves.get(0).boxes).hasSize(2);
            assertThat(sql.count()).isEqualTo(2);
        }
    }

    @Test
    void mappingStrategyAndCompositeKeys() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Shelf> shelves = session.scalars(select(Shelf.class).orderBy(Shelf_.building)).all();
            assertThat(sql.count()).isEqualTo(2);                           // lazy = SELECTIN on the mapping
            assertThat(shelves.get(0).boxes).extracting(b -> b.label).containsExactly("b1", "b2");
            assertThat(shelves.get(1).boxes).isEmpty();
            assertThat(shelves.get(0).boxes.get(0).shelf).isSameAs(shelves.get(0));
            List<Box> boxes = session.scalars(select(Box.class).options(joinedLoad(Box_.shelf)).orderBy(Box_.id))
                    .all();
            assertThat(boxes.get(0).shelf).isSameAs(shelves.get(0));
            assertThat(sql.count()).isEqualTo(3);
        }
    }

    @Test
    void deferUndeferAndContainsEager() throws Exception {
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            User user = session.scalars(select(User.class).where(User_.name.eq("u0_0")).options(defer(User_.fullname)))
                    .one();
            assertThat(sql.sql().get(0)).doesNotContain("fullname");
            assertThat(user.fullname).isNull();
            assertThat(session.isModified(user)).isFalse();
            User undeferred = session.scalars(select(User.class).where(User_.name.eq("u0_1"))
                    .options(undefer(User_.description))).one();
            assertThat(sql.sql().get(1)).contains("description");
            assertThat(undeferred.getDescription()).isNull();
            assertThat(sql.count()).isEqualTo(2);
        }
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<User> users = session.scalars(select(User.class).join(Group.class).where(Group_.name.eq("group7"))
                    .options(containsEager(User_.group))).all();
            assertThat(users).hasSize(MEMBERS).allSatisfy(u -> assertThat(u.group.name).isEqualTo("group7"));
            assertThat(sql.count()).isEqualTo(1);
        }
    }

    @Test
    void detachedObjectsSayWhatIsNotLoaded() {
        Group group;
        Customer customer;
        try (Session session = sessions.open()) {
            group = session.scalars(select(Group.class).where(Group_.name.eq("group1"))).one();
            Customer fresh = new Customer();
            fresh.name = "c";
            fresh.billingAddress = new Address("street");
            session.add(fresh);
            session.commit();
            session.expunge(fresh);
            customer = session.get(Customer.class, fresh.id);
        }
        assertThatThrownBy(() -> group.members.size())
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("Group(id=" + group.id + ").members is not loaded")
                .hasMessageContaining("detached")
                .hasMessageContaining("selectinLoad(Group_.members)");
        assertThatThrownBy(customer::getBillingAddress)
                .isInstanceOf(DetachedInstanceError.class)
                .hasMessageContaining("Customer(id=" + customer.id + ").billingAddress");
    }

    @Test
    void nPlusOneGuardRaisesOrWarns() throws Exception {
        SessionMaker strict = sessions.withNPlusOneGuard(NPlusOneGuard.raise(5));
        try (Session session = strict.open()) {
            List<Group> groups = session.scalars(select(Group.class)).all();
            for (int i = 0; i < 5; i++) {
                assertThat(groups.get(i).members).hasSize(MEMBERS);
            }
            assertThatThrownBy(() -> groups.get(5).members.size())
                    .isInstanceOf(LazyLoadError.class)
                    .hasMessageContaining("N+1")
                    .hasMessageContaining("Group.members loaded lazily 6 times");
            session.commit();                                               // a new transaction, a new count
            assertThat(groups.get(6).members).hasSize(MEMBERS);
        }
        try (Session session = sessions.withNPlusOneGuard(NPlusOneGuard.warn(2)).open()) {
            List<Group> groups = session.scalars(select(Group.class)).all();
            assertThat(memberCount(groups)).isEqualTo(GROUPS * MEMBERS);     // warns once, does not fail
        }
    }

    @Test
    void existingObjectsAreNotOverwrittenUnlessAsked() throws Exception {
        try (Session session = sessions.open()) {
            Group group = session.scalars(select(Group.class).where(Group_.name.eq("group2"))).one();
            try (Connection other = engine.connect()) {
                other.execute(text("UPDATE " + quoted(other, "groups") + " SET name = 'renamed' WHERE id = :id"),
                        java.util.Map.of("id", group.id));
                other.commit();
            }
            session.commit();                                               // a new transaction sees the change
            Group again = session.scalars(select(Group.class).where(Group_.id.eq(group.id))).one();
            assertThat(again).isSameAs(group);
            assertThat(again.name).isEqualTo("group2");                     // identity map kept
            session.scalars(select(Group.class).where(Group_.id.eq(group.id)).options(populateExisting())).one();
            assertThat(group.name).isEqualTo("renamed");
        }
    }

    private static String quoted(Connection connection, String table) {
        String product = connection.engine().dialectName();
        if (product.equals("h2")) { // H2 folds to upper case: Athanor names the table "GROUPS" there (issue 15)
            return "\"" + table.toUpperCase(java.util.Locale.ROOT) + "\"";
        }
        return product.contains("maria") || product.contains("mysql") ? "`" + table + "`" : "\"" + table + "\"";
    }

    @Test
    void manyToOneLazyLoadUsesTheIdentityMapFirst() throws Exception {
        int customerId = sessions.inTransaction(session -> {
            Customer customer = new Customer();
            customer.name = "c";
            customer.billingAddress = new Address("billing");
            session.add(customer);
            session.flush();
            return customer.id;
        });
        try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
            List<Address> addresses = session.scalars(select(Address.class)).all();
            Customer customer = session.get(Customer.class, customerId);
            assertThat(customer.billingAddress).isNull();                      // a field: not loaded
            assertThat(customer.getBillingAddress()).isSameAs(addresses.get(0)); // the getter: from the identity map
            assertThat(sql.count()).isEqualTo(2);
            assertThat(customer.getProfile()).isNull();                         // one-to-one: one SELECT
            assertThat(sql.count()).isEqualTo(3);
            assertThat(customer.getProfile()).isNull();                         // loaded (empty): no more SQL
            assertThat(sql.count()).isEqualTo(3);
        }
    }
}
