package dev.athanor.impl.orm.mapping;

import dev.athanor.ArgumentError;
import dev.athanor.Engine;
import dev.athanor.orm.Registry;
import dev.athanor.orm.Session;
import dev.athanor.orm.SessionMaker;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.testing.DatabaseTest;
import dev.athanor.testing.StatementRecorder;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.athanor.Sql.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The generated field access of entities ({@link EntityAccessors}): which fields it covers (private, package,
 * protected and public fields of the entity, public fields of a superclass in another package; not that
 * superclass's protected ones, which keep their method handles), the values it reads and writes
 * (primitives boxed and unboxed, widening as reflection does, null left out of primitives, errors naming the
 * field), the private constructor, nested entities, the quiet fallback when a class cannot get one, and the session
 * working through both paths at once (load, dirty check, UPDATE of exactly the changed objects).
 */
class EntityAccessorTest {

    /** A nested entity: its nest host is the test class, whose nest the accessor joins (private members reachable). */
    @Entity(table = "accessor_nested")
    static class Nested {
        @Id
        private Integer id;
        @Column
        private String label;

        private Nested() {
        }
    }

    /** Two nested entities related both ways, with private relationship fields. */
    @Entity(table = "accessor_owner")
    static class Owner {
        @Id
        private Integer id;
        @Relationship(backPopulates = "owner")
        private List<Pet> pets = new ArrayList<>();
    }

    @Entity(table = "accessor_pet")
    static class Pet {
        @Id
        private Integer id;
        @Column
        @ForeignKey("accessor_owner.id")
        private Integer ownerId;
        @Relationship(backPopulates = "pets")
        private Owner owner;
    }

    private static EntityMapper mapper(Class<?> type) {
        EntityMapper mapper = ((RegistryImpl) Registry.of(type)).mapper(type);
        mapper.generateAccess();
        return mapper;
    }

    private static Map<String, Boolean> coverage(EntityMapper mapper) {
        Map<String, Boolean> covered = new LinkedHashMap<>();
        for (AttributeMapping attribute : mapper.attributes()) {
            covered.put(attribute.name(), attribute.hasGeneratedAccess());
        }
        return covered;
    }

    @Test
    void coversTheFieldsItMayReachDirectly() {
        EntityMapper mapper = mapper(AccessorEntity.class);
        assertThat(mapper.accessGenerated()).isTrue();
        Map<String, Boolean> covered = coverage(mapper);
        assertThat(covered).containsEntry("revision", false)   // protected in another package
                .containsEntry("note", true);                    // public in a public class
        for (String own : List.of("id", "name", "count", "total", "flag", "ratio", "small", "tiny", "weight",
                "boxedTotal", "price", "data", "at")) {
            assertThat(covered).containsEntry(own, true);
        }
        assertThat(coverage(mapper(Nested.class))).containsOnly(Map.entry("id", true), Map.entry("label", true));
    }

    @Test
    void readsAndWritesEveryKindOfField() {
        EntityMapper mapper = mapper(AccessorEntity.class);
        Object entity = mapper.newInstance();   // private constructor, called by the generated class
        assertThat(entity).isExactlyInstanceOf(AccessorEntity.class);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", 7);
        values.put("name", "seven");
        values.put("count", 3);
        values.put("total", 4_000_000_000L);
        values.put("flag", true);
        values.put("ratio", 0.25);
        values.put("small", (short) 12);
        values.put("tiny", (byte) -3);
        values.put("weight", 1.5f);
        values.put("boxedTotal", 9L);
        values.put("price", new BigDecimal("12.50"));
        values.put("data", new byte[] {1, 2, 3});
        values.put("at", LocalDateTime.of(2026, 12, 1, 10, 30));
        values.put("revision", 2);
        values.put("note", "n");
        values.forEach((name, value) -> mapper.attribute(name).set(entity, value));
        values.forEach((name, value) -> assertThat(mapper.attribute(name).get(entity)).as(name).isEqualTo(value));
        assertThat(((AccessorEntity) entity).revision()).isEqualTo(2);

        mapper.attribute("count").set(entity, null);   // a NULL column leaves a primitive as it is
        assertThat(mapper.attribute("count").get(entity)).isEqualTo(3);
        mapper.attribute("name").set(entity, null);
        assertThat(mapper.attribute("name").get(entity)).isNull();
        mapper.attribute("count").set(entity, (short) 5);   // widened as reflection and method handles do
        assertThat(mapper.attribute("count").get(entity)).isEqualTo(5);
        mapper.attribute("total").set(entity, 6);
        assertThat(mapper.attribute("total").get(entity)).isEqualTo(6L);
    }

    @Test
    void wrongValuesAndObjectsNameTheField() {
        EntityMapper mapper = mapper(AccessorEntity.class);
        Object entity = mapper.newInstance();
        assertThatThrownBy(() -> mapper.attribute("count").set(entity, "three"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("AccessorEntity.count");
        assertThatThrownBy(() -> mapper.attribute("count").set(entity, 3L))   // narrowing is refused
                .isInstanceOf(ArgumentError.class).hasMessageContaining("AccessorEntity.count");
        assertThatThrownBy(() -> mapper.attribute("name").set(entity, 42))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("AccessorEntity.name");
        assertThatThrownBy(() -> mapper.attribute("name").get("not an entity"))
                .isInstanceOf(ArgumentError.class).hasMessageContaining("AccessorEntity.name");
        assertThatThrownBy(() -> mapper.attribute("revision").set(entity, "x"))   // the method-handle path
                .isInstanceOf(ArgumentError.class).hasMessageContaining("AuditedRecord.revision");
    }

    /**
     * Relationship fields (a to-one and a list, private) are in the accessor too, after the columns, whose indexes
     * stay as they were; a value of the wrong class names the relationship.
     */
    @Test
    void relationshipFieldsGoThroughTheAccessorAfterTheColumns() {
        RegistryImpl registry = (RegistryImpl) Registry.of(Owner.class, Pet.class);
        EntityMapper owners = registry.mapper(Owner.class);
        EntityMapper pets = registry.mapper(Pet.class);
        RelationshipMapping petsOf = registry.relationships(owners)[0];
        RelationshipMapping ownerOf = registry.relationships(pets)[0];
        assertThat(ownerOf.hasGeneratedAccess()).isFalse();   // method handles until the accessor is generated
        owners.generateAccess();
        pets.generateAccess();
        assertThat(petsOf.hasGeneratedAccess()).isTrue();
        assertThat(ownerOf.hasGeneratedAccess()).isTrue();

        Owner owner = (Owner) owners.newInstance();
        Pet pet = (Pet) pets.newInstance();
        ownerOf.set(pet, owner);
        assertThat(pet.owner).isSameAs(owner);
        assertThat(ownerOf.get(pet)).isSameAs(owner);
        List<Pet> list = new ArrayList<>(List.of(pet));
        petsOf.set(owner, list);
        assertThat(owner.pets).isSameAs(list);
        assertThat(petsOf.get(owner)).isSameAs(list);
        pets.attribute("ownerId").set(pet, 7);
        pets.attribute("id").set(pet, 3);
        assertThat(pet.ownerId).isEqualTo(7);
        assertThat(pet.id).isEqualTo(3);
        assertThat(ownerOf.get(pet)).isSameAs(owner);
        ownerOf.set(pet, null);
        assertThat(pet.owner).isNull();
        assertThatThrownBy(() -> ownerOf.set(pet, "not an owner"))
                .isInstanceOf(dev.athanor.AthanorException.class).hasMessageContaining(".owner");
    }

    @Test
    void nestedEntityWithPrivateMembers() {
        EntityMapper mapper = mapper(Nested.class);
        Nested nested = (Nested) mapper.newInstance();
        mapper.attribute("label").set(nested, "x");
        assertThat(nested.label).isEqualTo("x");
        assertThat(mapper.attribute("label").get(nested)).isEqualTo("x");
    }

    @Test
    void aClassThatCannotHaveOneKeepsTheHandles() throws Exception {
        // a copy of Nested defined by a loader of its own: another unnamed module, and a loader that does not see
        // EntityAccessor; generation gives up quietly
        Class<?> isolated = new IsolatedLoader().load(Nested.class);
        assertThat(isolated).isNotSameAs(Nested.class);
        Field[] fields = {isolated.getDeclaredField("id"), isolated.getDeclaredField("label")};
        assertThat(EntityAccessors.generate(isolated, fields, 2)).isNull();
    }

    /** Defines one class again from its bytes, delegating everything else to the platform loader. */
    private static final class IsolatedLoader extends ClassLoader {
        IsolatedLoader() {
            super(ClassLoader.getPlatformClassLoader());
        }

        Class<?> load(Class<?> original) throws Exception {
            String resource = original.getName().replace('.', '/') + ".class";
            try (InputStream in = original.getClassLoader().getResourceAsStream(resource)) {
                byte[] bytes = in.readAllBytes();
                return defineClass(original.getName(), bytes, 0, bytes.length);
            }
        }
    }

    /** The session through both paths at once: generated fields and the superclass's method-handle ones. */
    @DatabaseTest
    static class InSession {
        @Test
        void loadsDirtyChecksAndUpdatesOnlyChangedObjects(Engine engine) {
            Registry registry = Registry.of(AccessorEntity.class);
            ((RegistryImpl) registry).mapper(AccessorEntity.class).generateAccess();
            registry.metadata().createAll(engine);
            SessionMaker sessions = SessionMaker.of(engine, registry);
            sessions.begin(session -> {
                for (int i = 0; i < 4; i++) {
                    AccessorEntity entity = AccessorEntity.of("e" + i);
                    entity.count = i;
                    entity.price(new BigDecimal("1.50"));
                    entity.data(new byte[] {(byte) i});
                    entity.note = "note" + i;
                    session.add(entity);
                }
            });
            try (Session session = sessions.open(); StatementRecorder sql = StatementRecorder.on(engine)) {
                List<AccessorEntity> all = session.scalars(select(AccessorEntity.class)).all();
                assertThat(all).hasSize(4);
                AccessorEntity first = all.stream().filter(e -> e.name().equals("e0")).findFirst().orElseThrow();
                assertThat(first.price()).isEqualByComparingTo("1.5");
                assertThat(first.note).isEqualTo("note0");
                for (AccessorEntity entity : all) {
                    entity.price(new BigDecimal("1.5"));        // equal by compareTo: not a change
                    entity.data(entity.data().clone());         // equal content: not a change
                }
                assertThat(session.dirtyObjects()).isEmpty();
                all.get(0).count += 10;                         // a generated (package-private) field
                all.get(1).revision(5);                          // a method-handle (protected, other package) field
                all.get(2).note = "changed";                    // a public superclass field, generated
                assertThat(session.dirtyObjects()).containsExactlyInAnyOrder(all.get(0), all.get(1), all.get(2));
                sql.clear();
                session.commit();
                assertThat(sql.sql()).hasSize(3).allMatch(s -> s.startsWith("UPDATE"));
                assertThat(sql.commits()).isEqualTo(1);
            }
            try (Session session = sessions.open()) {
                List<AccessorEntity> again = session.scalars(select(AccessorEntity.class)).all();
                assertThat(again).extracting(AccessorEntity::revision).containsExactlyInAnyOrder(0, 5, 0, 0);
                assertThat(again).extracting(e -> e.note).contains("changed");
            }
        }
    }
}
