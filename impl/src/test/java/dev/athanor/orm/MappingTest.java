package dev.athanor.orm;

import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.model.Article;
import dev.athanor.orm.model.Device;
import dev.athanor.orm.model.Group;
import dev.athanor.orm.model.Permission;
import dev.athanor.orm.model.User;
import dev.athanor.orm.model.UserPermission;
import dev.athanor.orm.model.UserRole;
import dev.athanor.orm.model.User_;
import dev.athanor.schema.SqlType;
import dev.athanor.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Annotations to tables: naming, types, keys, constraints, and every mapping error reported at once. */
class MappingTest {

    @Test
    void seedEntitiesMapToTheirTables() {
        Registry registry = Registry.of(User.class, Group.class, UserPermission.class, Permission.class, Article.class);
        Table users = registry.table(User.class);
        assertThat(users.name()).isEqualTo("users");
        assertThat(users.columns()).extracting(dev.athanor.schema.Column::name).containsExactly("id", "name",
                "fullname", "description", "time_created", "time_registered", "time_updated", "visit_count",
                "group_id");
        assertThat(users.c("name").type()).isEqualTo(dev.athanor.schema.SqlTypes.varchar(30));
        assertThat(users.c("description").type().kind()).isEqualTo(SqlType.Kind.TEXT);
        assertThat(users.c("time_registered").type().kind()).isEqualTo(SqlType.Kind.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(users.c("time_created").type().kind()).isEqualTo(SqlType.Kind.TIMESTAMP);
        assertThat(users.c("visit_count").isNullable()).isFalse();     // primitive
        assertThat(users.c("fullname").isNullable()).isTrue();
        assertThat(users.c("id").isPrimaryKey()).isTrue();
        assertThat(users.c("fullname").definition().isUnique()).isTrue();
        assertThat(users.indexes()).extracting(dev.athanor.schema.Index::name).contains("ix_users_name");
        assertThat(users.uniqueConstraints()).anyMatch(u -> u.columns().equals(List.of("name", "time_created")));
        assertThat(users.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.targetTable()).isEqualTo("groups");
            assertThat(fk.columns()).containsExactly("group_id");
        });
        assertThat(registry.metadata().sortedTables()).extracting(Table::name).containsSubsequence("groups", "users",
                "user_permissions");
        assertThat(registry.table(Article.class).c("tags").type().kind()).isEqualTo(SqlType.Kind.JSON);
        assertThat(registry.entities()).hasSize(5);
    }

    @Test
    void metamodelAttributesStandForTheMappedColumns() {
        assertThat(User_.name.node()).isSameAs(Registry.of(User.class, Group.class).table(User.class).c("name"));
        assertThat(User_.visitCount.name()).isEqualTo("visitCount");
        assertThat(select(User.class).where(User_.name.eq("john")).orderBy(User_.id).toString())
                .contains("FROM users").contains("WHERE users.name = ").contains("ORDER BY users.id");
        assertThat(select(User.class).toString()).doesNotContain("description");   // deferred
    }

    @Test
    void defaultNamesAreSnakeCaseAndOtherTypesMap() {
        Table devices = Registry.of(Device.class).table(Device.class);
        assertThat(devices.name()).isEqualTo("device");
        assertThat(devices.c("seen_at").type().kind()).isEqualTo(SqlType.Kind.TIMESTAMP_WITH_TIME_ZONE);
        assertThat(devices.c("kind").type().kind()).isEqualTo(SqlType.Kind.ENUM);
        assertThat(devices.c("kind").isNullable()).isFalse();
        assertThat(devices.c("id").type().kind()).isEqualTo(SqlType.Kind.UUID);
        Table roles = Registry.of(UserRole.class).table(UserRole.class);
        assertThat(roles.primaryKey()).extracting(dev.athanor.schema.Column::name).containsExactly("user_id", "role");
    }

    /**
     * A final entity class: the annotation processor refuses it at compile time, so the test makes one at run time
     * to check that the runtime says the same.
     */
    private static Class<?> finalEntity() {
        return new net.bytebuddy.ByteBuddy()
                .subclass(Object.class)
                .name("dev.athanor.orm.FinalEntity")
                .modifiers(java.lang.reflect.Modifier.PUBLIC | java.lang.reflect.Modifier.FINAL)
                .annotateType(net.bytebuddy.description.annotation.AnnotationDescription.Builder.ofType(Entity.class)
                        .build())
                .defineField("id", Integer.class, java.lang.reflect.Modifier.PUBLIC)
                .annotateField(net.bytebuddy.description.annotation.AnnotationDescription.Builder.ofType(Id.class)
                        .build())
                .make()
                .load(MappingTest.class.getClassLoader())
                .getLoaded();
    }

    @Entity
    static class NoConstructor {
        @Id Integer id;

        NoConstructor(int id) {
            this.id = id;
        }
    }

    @Entity
    static class TwoIds {
        @Id Integer a;
        @Id Integer b;
    }

    @Entity
    static class BadTypes {
        @Id Integer id;
        @Column Object anything;
        @Column List<String> tags;
    }

    @Entity(table = "orphans")
    static class Orphan {
        @Id Integer id;
        @Column @ForeignKey("nowhere.id") Integer nowhereId;
    }

    static class NotAnEntity {
        @Id Integer id;
    }

    @Test
    void everyProblemOfEveryClassIsReportedAtOnceNamingClassAndField() {
        assertThatThrownBy(() -> Registry.of(finalEntity(), NoConstructor.class, TwoIds.class, BadTypes.class,
                Orphan.class, NotAnEntity.class))
                .isInstanceOf(MappingError.class)
                .satisfies(e -> {
                    List<String> problems = ((MappingError) e).problems();
                    assertThat(problems).anyMatch(p -> p.contains("FinalEntity must not be final"));
                    assertThat(problems).anyMatch(p -> p.contains("NoConstructor has no no-argument constructor"));
                    assertThat(problems).anyMatch(p -> p.contains("TwoIds has 2 @Id fields [a, b]")
                            && p.contains("@Entity(primaryKey = {\"a\", \"b\"})"));
                    assertThat(problems).anyMatch(p -> p.contains("BadTypes.anything: type java.lang.Object"));
                    assertThat(problems).anyMatch(p -> p.contains("BadTypes.tags: type java.util.List<java.lang.String>")
                            && p.contains("SqlType.JSON"));
                    assertThat(problems).anyMatch(p -> p.contains("NotAnEntity is not annotated @Entity"));
                    assertThat(problems).anyMatch(p -> p.contains("Orphan.nowhereId") && p.contains("'nowhere'"));
                    assertThat(problems).hasSize(7);
                });
        assertThatThrownBy(() -> Registry.of(Orphan.class))
                .isInstanceOf(MappingError.class)
                .hasMessageContaining("Orphan.nowhereId")
                .hasMessageContaining("refers to table 'nowhere'");
    }

    @Test
    void twoClassesOnOneTableAreAnError() {
        assertThatThrownBy(() -> Registry.of(Device.class, Clash2.class))
                .isInstanceOf(MappingError.class).hasMessageContaining("both mapped to table 'device'");
    }

    @Entity(table = "device")
    static class Clash2 {
        @Id Integer id;
    }
}
