package dev.athanor.processor;

import dev.athanor.orm.Attribute;
import dev.athanor.orm.ColumnAttribute;
import dev.athanor.orm.NumericAttribute;
import dev.athanor.orm.RelationshipAttribute;
import dev.athanor.orm.StringAttribute;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.mapping.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles entity classes with the processor, then reads the generated sources and loads the generated classes.
 */
class MetamodelProcessorTest {

    private static final String USER = """
            package app;
            import dev.athanor.orm.mapping.*;
            import java.time.*; import java.util.*;
            @Entity(table = "users", uniqueConstraints = @UniqueConstraint({"name", "time_created"}))
            public class User {
                @Id public Integer id;
                @Column(length = 30, index = true) public String name;
                @Column(unique = true) public String fullname;
                @Column(type = SqlType.TEXT, deferred = true) private String description;
                @Column(insertDefault = Now.class) public LocalDateTime timeCreated;
                @Column(serverDefault = "CURRENT_TIMESTAMP") public OffsetDateTime timeRegistered;
                @Column public int visitCount;
                @Column @ForeignKey("groups.id") public Integer groupId;
                @Relationship(backPopulates = "members") public Group group;
                @Relationship(secondary = "user_permissions", backPopulates = "users") public List<Permission> permissions = new ArrayList<>();
                public String notMapped;
                public String getDescription() { return description; }
            }
            """;

    private static final String GROUP = """
            package app;
            import dev.athanor.orm.mapping.*;
            import java.util.*;
            @Entity(table = "groups")
            public class Group {
                @Id public Integer id;
                @Column public String name;
                @Relationship(backPopulates = "group") public List<User> members = new ArrayList<>();
            }
            """;

    private static final String PERMISSION = """
            package app;
            import dev.athanor.orm.mapping.*;
            import java.util.*;
            @Entity(table = "permissions")
            public class Permission {
                @Id public Long id;
                @Column public String name;
                @Relationship(secondary = "user_permissions", backPopulates = "permissions") public Set<User> users = new HashSet<>();
            }
            """;

    private static final String GENERATED = "@javax.annotation.processing.Generated(\"dev.athanor.processor.MetamodelProcessor\")";

    private static InMemoryCompiler.Compilation compileUserModel() throws IOException {
        return compile(Map.of("app.User", USER, "app.Group", GROUP, "app.Permission", PERMISSION));
    }

    private static InMemoryCompiler.Compilation compile(Map<String, String> sources) throws IOException {
        return InMemoryCompiler.compile(sources, new MetamodelProcessor());
    }

    /** Success, and not a single warning under -Xlint:all, in the entities or the generated code. */
    private static void assertClean(InMemoryCompiler.Compilation result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.success()).isTrue();
    }

    private static URLClassLoader loader(InMemoryCompiler.Compilation result) throws IOException {
        return new URLClassLoader(new URL[] {result.classOutput().toUri().toURL()},
                MetamodelProcessorTest.class.getClassLoader());
    }

    private static Object attribute(Class<?> metamodel, String name) throws ReflectiveOperationException {
        return metamodel.getField(name).get(null);
    }

    private static String index(InMemoryCompiler.Compilation result) throws IOException {
        return Files.readString(result.classOutput().resolve(EntityIndex.PATH), StandardCharsets.UTF_8);
    }

    @Test
    void generatesOneAttributePerMappedFieldOfEachKind() throws IOException {
        InMemoryCompiler.Compilation result = compileUserModel();
        assertClean(result);

        String source = result.generatedSource("app.User_");
        assertThat(source).startsWith("package app;\n")
                .contains(GENERATED + "\npublic final class User_ {")
                .contains("    private User_() {\n    }")
                .contains("public static final dev.athanor.orm.NumericAttribute<app.User, java.lang.Integer> id"
                        + " = new dev.athanor.orm.NumericAttribute<>(app.User.class, \"id\", java.lang.Integer.class);")
                .contains("public static final dev.athanor.orm.StringAttribute<app.User> name"
                        + " = new dev.athanor.orm.StringAttribute<>(app.User.class, \"name\");")
                .contains("public static final dev.athanor.orm.StringAttribute<app.User> description"
                        + " = new dev.athanor.orm.StringAttribute<>(app.User.class, \"description\");")
                .contains("public static final dev.athanor.orm.ColumnAttribute<app.User, java.time.LocalDateTime>"
                        + " timeCreated = new dev.athanor.orm.ColumnAttribute<>(app.User.class, \"timeCreated\","
                        + " java.time.LocalDateTime.class);")
                .contains("public static final dev.athanor.orm.NumericAttribute<app.User, java.lang.Integer>"
                        + " visitCount = new dev.athanor.orm.NumericAttribute<>(app.User.class, \"visitCount\","
                        + " java.lang.Integer.class);")
                .contains("public static final dev.athanor.orm.RelationshipAttribute<app.User, app.Group> group"
                        + " = new dev.athanor.orm.RelationshipAttribute<>(app.User.class, \"group\", app.Group.class,"
                        + " false);")
                .contains("public static final dev.athanor.orm.RelationshipAttribute<app.User, app.Permission>"
                        + " permissions = new dev.athanor.orm.RelationshipAttribute<>(app.User.class, \"permissions\","
                        + " app.Permission.class, true);")
                .doesNotContain("notMapped")
                .doesNotContain("getDescription");
        // Declaration order.
        assertThat(source.indexOf(" id =")).isLessThan(source.indexOf(" name ="));
        assertThat(source.indexOf(" name =")).isLessThan(source.indexOf(" fullname ="));
        assertThat(source.indexOf(" groupId =")).isLessThan(source.indexOf(" group ="));
        assertThat(source.indexOf(" group =")).isLessThan(source.indexOf(" permissions ="));
        assertThat(result.generatedSource("app.Group_")).contains(
                "public static final dev.athanor.orm.RelationshipAttribute<app.Group, app.User> members"
                        + " = new dev.athanor.orm.RelationshipAttribute<>(app.Group.class, \"members\","
                        + " app.User.class, true);");
    }

    @Test
    void generatedMetamodelLoadsWithTypedStaticAttributes() throws Exception {
        InMemoryCompiler.Compilation result = compileUserModel();
        assertClean(result);
        try (URLClassLoader loader = loader(result)) {
            Class<?> user = loader.loadClass("app.User");
            Class<?> group = loader.loadClass("app.Group");
            Class<?> metamodel = loader.loadClass("app.User_");

            assertThat(Modifier.isPublic(metamodel.getModifiers())).isTrue();
            assertThat(Modifier.isFinal(metamodel.getModifiers())).isTrue();
            assertThat(metamodel.getDeclaredConstructors()).singleElement()
                    .satisfies(c -> assertThat(Modifier.isPrivate(c.getModifiers())).isTrue());
            assertThat(Arrays.stream(metamodel.getDeclaredFields()).map(Field::getName)).containsExactlyInAnyOrder(
                    "id", "name", "fullname", "description", "timeCreated", "timeRegistered", "visitCount",
                    "groupId", "group", "permissions");
            for (Field field : metamodel.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                assertThat(Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers))
                        .as(field.getName()).isTrue();
                Attribute<?, ?> attribute = (Attribute<?, ?>) field.get(null);
                assertThat(attribute.name()).isEqualTo(field.getName());
                assertThat(attribute.entityType()).isSameAs(user);
            }

            assertThat(attribute(metamodel, "name")).isInstanceOf(StringAttribute.class)
                    .satisfies(a -> assertThat(((StringAttribute<?>) a).javaType()).isEqualTo(String.class));
            assertThat(metamodel.getField("name").getGenericType().getTypeName())
                    .isEqualTo("dev.athanor.orm.StringAttribute<app.User>");

            NumericAttribute<?, ?> visitCount = (NumericAttribute<?, ?>) attribute(metamodel, "visitCount");
            assertThat(visitCount.javaType()).isEqualTo(Integer.class);
            assertThat(metamodel.getField("visitCount").getGenericType().getTypeName())
                    .isEqualTo("dev.athanor.orm.NumericAttribute<app.User, java.lang.Integer>");

            ColumnAttribute<?, ?> timeCreated = (ColumnAttribute<?, ?>) attribute(metamodel, "timeCreated");
            assertThat(timeCreated).isNotInstanceOfAny(StringAttribute.class, NumericAttribute.class);
            assertThat(timeCreated.javaType()).isEqualTo(LocalDateTime.class);
            assertThat(timeCreated.toString()).isEqualTo("User.timeCreated");
            assertThat(((ColumnAttribute<?, ?>) attribute(metamodel, "timeRegistered")).javaType())
                    .isEqualTo(OffsetDateTime.class);

            RelationshipAttribute<?, ?> toGroup = (RelationshipAttribute<?, ?>) attribute(metamodel, "group");
            assertThat(toGroup.javaType()).isSameAs(group);
            assertThat(toGroup.isCollection()).isFalse();
            RelationshipAttribute<?, ?> permissions = (RelationshipAttribute<?, ?>) attribute(metamodel, "permissions");
            assertThat(permissions.javaType()).isSameAs(loader.loadClass("app.Permission"));
            assertThat(permissions.isCollection()).isTrue();
            assertThat(metamodel.getField("permissions").getGenericType().getTypeName())
                    .isEqualTo("dev.athanor.orm.RelationshipAttribute<app.User, app.Permission>");

            RelationshipAttribute<?, ?> members =
                    (RelationshipAttribute<?, ?>) attribute(loader.loadClass("app.Group_"), "members");
            assertThat(members.entityType()).isSameAs(group);
            assertThat(members.javaType()).isSameAs(user);
            assertThat(members.isCollection()).isTrue();
        }
    }

    @Test
    void numbersGetNumericAttributesWithBoxedTypes() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Numbers", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.math.*;
                @Entity
                public class Numbers {
                    @Id public long id;
                    @Column public int i; @Column public short s; @Column public byte b;
                    @Column public float f; @Column public double d;
                    @Column public Long boxedLong; @Column public Short boxedShort; @Column public Byte boxedByte;
                    @Column public Float boxedFloat; @Column public Double boxedDouble;
                    @Column public BigDecimal amount; @Column public BigInteger big;
                    @Column public boolean flag; @Column public Boolean boxedFlag; @Column public char letter;
                    @Version public int version;
                }
                """));
        assertClean(result);
        Map<String, Class<?>> numeric = new LinkedHashMap<>();
        numeric.put("id", Long.class);
        numeric.put("i", Integer.class);
        numeric.put("s", Short.class);
        numeric.put("b", Byte.class);
        numeric.put("f", Float.class);
        numeric.put("d", Double.class);
        numeric.put("boxedLong", Long.class);
        numeric.put("boxedShort", Short.class);
        numeric.put("boxedByte", Byte.class);
        numeric.put("boxedFloat", Float.class);
        numeric.put("boxedDouble", Double.class);
        numeric.put("amount", BigDecimal.class);
        numeric.put("big", BigInteger.class);
        numeric.put("version", Integer.class);
        try (URLClassLoader loader = loader(result)) {
            Class<?> metamodel = loader.loadClass("app.Numbers_");
            for (Map.Entry<String, Class<?>> entry : numeric.entrySet()) {
                assertThat(attribute(metamodel, entry.getKey())).as(entry.getKey())
                        .isInstanceOf(NumericAttribute.class)
                        .extracting(a -> ((Attribute<?, ?>) a).javaType()).isEqualTo(entry.getValue());
            }
            // Booleans and characters are not numbers in SQL.
            assertThat(attribute(metamodel, "flag")).isExactlyInstanceOf(ColumnAttribute.class)
                    .extracting(a -> ((Attribute<?, ?>) a).javaType()).isEqualTo(Boolean.class);
            assertThat(attribute(metamodel, "boxedFlag")).isExactlyInstanceOf(ColumnAttribute.class)
                    .extracting(a -> ((Attribute<?, ?>) a).javaType()).isEqualTo(Boolean.class);
            assertThat(attribute(metamodel, "letter")).isExactlyInstanceOf(ColumnAttribute.class)
                    .extracting(a -> ((Attribute<?, ?>) a).javaType()).isEqualTo(Character.class);
        }
        assertThat(result.generatedSource("app.Numbers_")).contains(
                "dev.athanor.orm.NumericAttribute<app.Numbers, java.math.BigDecimal> amount"
                        + " = new dev.athanor.orm.NumericAttribute<>(app.Numbers.class, \"amount\","
                        + " java.math.BigDecimal.class);",
                "dev.athanor.orm.ColumnAttribute<app.Numbers, java.lang.Boolean> flag"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Numbers.class, \"flag\", java.lang.Boolean.class);");
    }

    @Test
    void otherColumnsKeepTheirFullGenericTypeAndTheErasureAsClass() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Document", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.util.*;
                @Entity
                public class Document {
                    public enum Status { DRAFT, PUBLISHED }
                    public record Address(String street, String city) { }
                    @Id public UUID id;
                    @Column(type = SqlType.JSON) public List<String> tags;
                    @Column(type = SqlType.JSON) public Map<String, List<Integer>> scores;
                    @Column(type = SqlType.JSON) public List<? extends Number> measures;
                    @Column public byte[] data;
                    @Column(type = SqlType.JSON) public String[] aliases;
                    @Column public Status status;
                    @Column(type = SqlType.JSON) public Address address;
                    @Column(type = SqlType.JSON) public Map.Entry<String, Integer> pair;
                    @Column(type = SqlType.JSON) public Holder<String>.Item item;
                }
                """, "app.Holder", """
                package app;
                public class Holder<T> {
                    public class Item { }
                }
                """));
        assertClean(result);
        String source = result.generatedSource("app.Document_");
        assertThat(source).contains(
                "public static final dev.athanor.orm.ColumnAttribute<app.Document, java.util.List<java.lang.String>>"
                        + " tags = new dev.athanor.orm.ColumnAttribute<>(app.Document.class, \"tags\","
                        + " java.util.List.class);",
                "dev.athanor.orm.ColumnAttribute<app.Document, java.util.Map<java.lang.String,"
                        + " java.util.List<java.lang.Integer>>> scores",
                "dev.athanor.orm.ColumnAttribute<app.Document, java.util.List<? extends java.lang.Number>> measures",
                "public static final dev.athanor.orm.ColumnAttribute<app.Document, byte[]> data"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Document.class, \"data\", byte[].class);",
                "dev.athanor.orm.ColumnAttribute<app.Document, java.lang.String[]> aliases"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Document.class, \"aliases\","
                        + " java.lang.String[].class);",
                "dev.athanor.orm.ColumnAttribute<app.Document, app.Document.Status> status"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Document.class, \"status\","
                        + " app.Document.Status.class);",
                "dev.athanor.orm.ColumnAttribute<app.Document, java.util.UUID> id",
                "dev.athanor.orm.ColumnAttribute<app.Document, java.util.Map.Entry<java.lang.String,"
                        + " java.lang.Integer>> pair = new dev.athanor.orm.ColumnAttribute<>(app.Document.class,"
                        + " \"pair\", java.util.Map.Entry.class);",
                // An inner class of a generic class is named through its parameterized outer class.
                "dev.athanor.orm.ColumnAttribute<app.Document, app.Holder<java.lang.String>.Item> item"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Document.class, \"item\","
                        + " app.Holder.Item.class);");
        try (URLClassLoader loader = loader(result)) {
            Class<?> metamodel = loader.loadClass("app.Document_");
            assertThat(((Attribute<?, ?>) attribute(metamodel, "tags")).javaType()).isEqualTo(List.class);
            assertThat(metamodel.getField("tags").getGenericType().getTypeName())
                    .isEqualTo("dev.athanor.orm.ColumnAttribute<app.Document, java.util.List<java.lang.String>>");
            assertThat(((Attribute<?, ?>) attribute(metamodel, "data")).javaType()).isEqualTo(byte[].class);
            assertThat(((Attribute<?, ?>) attribute(metamodel, "status")).javaType())
                    .isSameAs(loader.loadClass("app.Document$Status"));
            assertThat(((Attribute<?, ?>) attribute(metamodel, "address")).javaType())
                    .isSameAs(loader.loadClass("app.Document$Address"));
        }
    }

    @Test
    void rawFieldTypesAreNamedWithWildcardsInTheMetamodel() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Legacy", """
                package app;
                import dev.athanor.orm.mapping.*;
                @Entity
                public class Legacy {
                    @Id public Integer id;
                    @SuppressWarnings("rawtypes") @Column(type = SqlType.JSON) public java.util.Map attributes;
                }
                """));
        assertClean(result);
        assertThat(result.generatedSource("app.Legacy_")).contains(
                "dev.athanor.orm.ColumnAttribute<app.Legacy, java.util.Map<?, ?>> attributes"
                        + " = new dev.athanor.orm.ColumnAttribute<>(app.Legacy.class, \"attributes\","
                        + " java.util.Map.class);");
    }

    @Test
    void nestedEntityGetsTheEnclosingNamesInItsMetamodelName() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Outer", """
                package app;
                import dev.athanor.orm.mapping.*;
                public class Outer {
                    @Entity
                    public static class Inner {
                        @Id public Integer id;
                        @Column public String label;
                        @Relationship public Outer.Inner parent;
                    }
                    static class Middle {
                        @Entity
                        static class Deepest { @Id public Integer id; }
                    }
                }
                """));
        assertClean(result);
        assertThat(result.generatedSource("app.Outer_Inner_")).contains("public final class Outer_Inner_ {",
                "dev.athanor.orm.StringAttribute<app.Outer.Inner> label"
                        + " = new dev.athanor.orm.StringAttribute<>(app.Outer.Inner.class, \"label\");",
                "dev.athanor.orm.RelationshipAttribute<app.Outer.Inner, app.Outer.Inner> parent");
        assertThat(result.sourceOutput().resolve("app/Outer_.java")).doesNotExist();
        assertThat(result.generatedSource("app.Outer_Middle_Deepest_")).contains("class Outer_Middle_Deepest_ {");
        try (URLClassLoader loader = loader(result)) {
            Attribute<?, ?> label = (Attribute<?, ?>) attribute(loader.loadClass("app.Outer_Inner_"), "label");
            assertThat(label.entityType()).isSameAs(loader.loadClass("app.Outer$Inner"));
        }
        assertThat(index(result)).isEqualTo("app.Outer$Inner\napp.Outer$Middle$Deepest\n");
    }

    @Test
    void entityInTheUnnamedPackage() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("Thing", """
                import dev.athanor.orm.mapping.*;
                @Entity public class Thing { @Id public Integer id; @Column public String label; }
                """));
        assertClean(result);
        assertThat(result.generatedSource("Thing_")).startsWith("/**")
                .contains("dev.athanor.orm.StringAttribute<Thing> label = new dev.athanor.orm.StringAttribute<>(Thing.class, \"label\");");
        try (URLClassLoader loader = loader(result)) {
            assertThat(((Attribute<?, ?>) attribute(loader.loadClass("Thing_"), "label")).entityType())
                    .isSameAs(loader.loadClass("Thing"));
        }
        assertThat(index(result)).isEqualTo("Thing\n");
    }

    @Test
    void inheritedFieldsComeFirstWithTheirTypesAsMembersOfTheEntity() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Base", """
                package app;
                import dev.athanor.orm.mapping.*;
                public abstract class Base<K> {
                    @Id public K id;
                    @Version public int version;
                    @Column public static String notAField;
                    @Column public transient String notPersistent;
                    public String notMapped;
                }
                """, "app.Animal", """
                package app;
                import dev.athanor.orm.mapping.*;
                @Entity
                public class Animal extends Base<Long> {
                    @Column public String name;
                }
                """, "app.Dog", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.util.*;
                @Entity
                public class Dog extends Animal {
                    @Column public boolean goodBoy;
                    @Relationship public List<Animal> friends;
                }
                """));
        assertClean(result);
        String dog = result.generatedSource("app.Dog_");
        assertThat(dog).contains("dev.athanor.orm.NumericAttribute<app.Dog, java.lang.Long> id"
                        + " = new dev.athanor.orm.NumericAttribute<>(app.Dog.class, \"id\", java.lang.Long.class);",
                "dev.athanor.orm.NumericAttribute<app.Dog, java.lang.Integer> version",
                "dev.athanor.orm.StringAttribute<app.Dog> name = new dev.athanor.orm.StringAttribute<>(app.Dog.class, \"name\");",
                "dev.athanor.orm.RelationshipAttribute<app.Dog, app.Animal> friends")
                .doesNotContain("notAField", "notPersistent", "notMapped");
        assertThat(List.of(" id =", " version =", " name =", " goodBoy =", " friends =")).map(dog::indexOf)
                .isSorted().doesNotContain(-1);
        assertThat(result.generatedSource("app.Animal_"))
                .contains("dev.athanor.orm.NumericAttribute<app.Animal, java.lang.Long> id")
                .doesNotContain("goodBoy");
        assertThat(result.sourceOutput().resolve("app/Base_.java")).doesNotExist();
        try (URLClassLoader loader = loader(result)) {
            Attribute<?, ?> id = (Attribute<?, ?>) attribute(loader.loadClass("app.Dog_"), "id");
            assertThat(id.entityType()).isSameAs(loader.loadClass("app.Dog"));
            assertThat(id.javaType()).isEqualTo(Long.class);
        }
        assertThat(index(result)).isEqualTo("app.Animal\napp.Dog\n");
    }

    @Test
    void relationshipsToOneAndToCollections() throws Exception {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Node", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.util.*;
                @Entity
                public class Node {
                    @Id public Integer id;
                    @Relationship public Node parent;
                    @Relationship public List<Node> children;
                    @Relationship public Set<Node> tagged;
                    @Relationship public Collection<Node> linked;
                    @Relationship public SortedSet<Node> sorted;
                    @Relationship public List<? extends Node> covariant;
                }
                """));
        assertClean(result);
        assertThat(result.generatedSource("app.Node_")).contains(
                "dev.athanor.orm.RelationshipAttribute<app.Node, app.Node> parent"
                        + " = new dev.athanor.orm.RelationshipAttribute<>(app.Node.class, \"parent\", app.Node.class, false);",
                "dev.athanor.orm.RelationshipAttribute<app.Node, app.Node> children"
                        + " = new dev.athanor.orm.RelationshipAttribute<>(app.Node.class, \"children\", app.Node.class, true);");
        try (URLClassLoader loader = loader(result)) {
            Class<?> node = loader.loadClass("app.Node");
            Class<?> metamodel = loader.loadClass("app.Node_");
            for (String name : List.of("parent", "children", "tagged", "linked", "sorted", "covariant")) {
                RelationshipAttribute<?, ?> relationship = (RelationshipAttribute<?, ?>) attribute(metamodel, name);
                assertThat(relationship.javaType()).as(name).isSameAs(node);
                assertThat(relationship.entityType()).as(name).isSameAs(node);
                assertThat(relationship.isCollection()).as(name).isEqualTo(!name.equals("parent"));
            }
        }
    }

    @Test
    void indexListsTheBinaryNamesOfAllEntitiesSorted() throws IOException {
        InMemoryCompiler.Compilation result = compileUserModel();
        assertClean(result);
        assertThat(index(result)).isEqualTo("app.Group\napp.Permission\napp.User\n");
    }

    @Test
    void noIndexWithoutEntities() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Mapped", """
                package app;
                import dev.athanor.orm.mapping.*;
                public abstract class Mapped { @Column public String label; }
                """));
        assertClean(result);
        assertThat(result.classOutput().resolve(EntityIndex.PATH)).doesNotExist();
        assertThat(result.sourceOutput().resolve("app/Mapped_.java")).doesNotExist();
    }

    @Test
    void indexKeepsTheEntitiesOfAPreviousCompilationThatStillAre() throws IOException {
        Path root = Files.createTempDirectory("athanor-incremental");
        Path previous = root.resolve("classes").resolve(EntityIndex.PATH);
        Files.createDirectories(previous.getParent());
        // app.Other is not in this compilation (an unchanged class); app.Former has lost its @Entity.
        Files.writeString(previous, "app.Other\napp.Former\n\napp.User\n", StandardCharsets.UTF_8);
        InMemoryCompiler.Compilation result = InMemoryCompiler.compile(root, Map.of("app.User", USER,
                "app.Group", GROUP, "app.Permission", PERMISSION,
                "app.Former", "package app;\npublic class Former { }\n"), new MetamodelProcessor());
        assertClean(result);
        assertThat(index(result)).isEqualTo("app.Group\napp.Other\napp.Permission\napp.User\n");
    }

    @Test
    void finalEntityIsAnError() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.User", """
                package app;
                import dev.athanor.orm.mapping.*;
                @Entity public final class User { @Id public Integer id; }
                """));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly(
                "@Entity class User must not be final: the ORM generates subclasses for lazy loading");
        assertThat(result.diagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).singleElement()
                .satisfies(d -> assertThat(d.getLineNumber()).isEqualTo(3));
        assertThat(result.sourceOutput().resolve("app/User_.java")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "public interface Thing { }                          | an interface",
            "public enum Thing { A }                             | an enum",
            "public record Thing(Integer id) { }                 | a record",
            "public @interface Thing { }                         | an annotation interface"})
    void entityThatIsNotAClassIsAnError(String declaration, String description) throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Thing",
                "package app;\n@dev.athanor.orm.mapping.Entity " + declaration + "\n"));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly("@Entity must annotate a class, but Thing is " + description
                + ": the ORM instantiates entity classes and generates subclasses of them");
        assertThat(result.sourceOutput().resolve("app/Thing_.java")).doesNotExist();
    }

    @Test
    void privateAndGenericEntitiesAreErrors() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Outer", """
                package app;
                import dev.athanor.orm.mapping.*;
                public class Outer<T> {
                    @Entity private static class Hidden { @Id public Integer id; }
                    @Entity public static class Box<V> { @Id public Integer id; }
                    @Entity public class Inner { @Id public Integer id; }
                    @Entity public static class Fine { @Id public Integer id; }
                }
                """));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactlyInAnyOrder(
                "@Entity class Hidden must not be private, nor nested in a private class: its metamodel Outer_Hidden_"
                        + " and the ORM's subclasses must be able to refer to it",
                "@Entity class Box must not be generic, nor an inner class of a generic class: the ORM maps rows to"
                        + " one concrete class",
                "@Entity class Inner must not be generic, nor an inner class of a generic class: the ORM maps rows to"
                        + " one concrete class");
    }

    @Test
    void relationshipWhoseTargetCannotBeToldIsAnError() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Node", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.util.*;
                @Entity
                public class Node {
                    @Id public Integer id;
                    @Relationship public List<?> unknown;
                    @Relationship public Map<String, Node> keyed;
                    @Relationship public int number;
                }
                """));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactlyInAnyOrder(
                "@Relationship field unknown of Node must have an entity class type (Group group) or be a List, Set or"
                        + " Collection of one (List<User> members), not java.util.List<?>",
                "@Relationship field keyed of Node must have an entity class type (Group group) or be a List, Set or"
                        + " Collection of one (List<User> members), not java.util.Map<java.lang.String,app.Node>",
                "@Relationship field number of Node must have an entity class type (Group group) or be a List, Set or"
                        + " Collection of one (List<User> members), not int");
        assertThat(result.sourceOutput().resolve("app/Node_.java")).doesNotExist();
    }

    @Test
    void fieldTypeTheMetamodelCannotAccessIsAnError() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Ticket", """
                package app;
                import dev.athanor.orm.mapping.*;
                @Entity
                public class Ticket {
                    private enum Status { OPEN, CLOSED }
                    @Id public Integer id;
                    @Column public Status status;
                }
                """));
        assertThat(result.success()).isFalse();
        assertThat(result.errors()).containsExactly("The type of field status of Ticket uses app.Ticket.Status, which"
                + " the metamodel Ticket_ in package app cannot access: make it public or move it to that package"
                + " (not private)");
    }

    @Test
    void deprecatedTypesDoNotEarnWarningsInTheGeneratedCode() throws IOException {
        InMemoryCompiler.Compilation result = compile(Map.of("app.Legacy", """
                package app;
                import dev.athanor.orm.mapping.*;
                @Deprecated
                @Entity
                public class Legacy {
                    @Id public Integer id;
                    @Column public Grade grade;
                }
                """, "app.Grade", """
                package app;
                @Deprecated(forRemoval = true)
                public enum Grade { A, B }
                """));
        assertThat(result.errors()).isEmpty();
        assertThat(result.generatedSource("app.Legacy_")).contains("@SuppressWarnings({\"deprecation\", \"removal\"})");
        // The entity's own use of Grade is warned about, once: not again in Legacy_.
        assertThat(result.diagnostics()).filteredOn(d -> d.getKind() != Diagnostic.Kind.NOTE)
                .allSatisfy(d -> assertThat(d.getSource()).isNotNull()
                        .satisfies(source -> assertThat(source.getName()).endsWith("Legacy.java")));
    }

    @Test
    void entityUsingTypesThatAnotherProcessorGeneratesWaitsForThem() throws Exception {
        InMemoryCompiler.Compilation result = InMemoryCompiler.compile(Map.of("app.Ticket", """
                package app;
                import dev.athanor.orm.mapping.*;
                import java.util.*;
                @Entity
                public class Ticket {
                    @Id public Integer id;
                    @Column public Status status;
                    @Relationship public List<AuditEntry> entries;
                }
                """), new GeneratingProcessor(), new MetamodelProcessor());
        assertClean(result);
        assertThat(result.generatedSource("app.Ticket_")).contains(
                "dev.athanor.orm.ColumnAttribute<app.Ticket, app.Status> status",
                "dev.athanor.orm.RelationshipAttribute<app.Ticket, app.AuditEntry> entries");
        assertThat(result.generatedSource("app.AuditEntry_")).contains(
                "dev.athanor.orm.RelationshipAttribute<app.AuditEntry, app.Ticket> ticket");
        // Names from both rounds, in one file written at the end.
        assertThat(index(result)).isEqualTo("app.AuditEntry\napp.Ticket\n");
        try (URLClassLoader loader = loader(result)) {
            assertThat(((Attribute<?, ?>) attribute(loader.loadClass("app.Ticket_"), "status")).javaType())
                    .isSameAs(loader.loadClass("app.Status"));
        }
    }

    /**
     * Generates, in the first round, an enum and an entity that the entity under test uses. It runs before the
     * metamodel processor, which claims the annotations it supports: the compiler calls a processor of "*" only
     * while some annotation is unclaimed, until the processor has run once.
     */
    @SupportedAnnotationTypes("*")
    static final class GeneratingProcessor extends AbstractProcessor {
        private boolean done;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            generate("app.Status", "package app;\npublic enum Status { OPEN, CLOSED }\n");
            generate("app.AuditEntry", """
                    package app;
                    import dev.athanor.orm.mapping.*;
                    @Entity
                    public class AuditEntry {
                        @Id public Long id;
                        @Relationship(backPopulates = "entries") public Ticket ticket;
                    }
                    """);
            return false;
        }

        private void generate(String name, String source) {
            try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                out.write(source);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void namesMatchTheApi() {
        assertThat(Names.ENTITY).isEqualTo(Entity.class.getName());
        assertThat(Names.ID).isEqualTo(Id.class.getName());
        assertThat(Names.COLUMN).isEqualTo(Column.class.getName());
        assertThat(Names.VERSION).isEqualTo(Version.class.getName());
        assertThat(Names.RELATIONSHIP).isEqualTo(Relationship.class.getName());
        assertThat(Names.COLUMN_ATTRIBUTE).isEqualTo(ColumnAttribute.class.getName());
        assertThat(Names.STRING_ATTRIBUTE).isEqualTo(StringAttribute.class.getName());
        assertThat(Names.NUMERIC_ATTRIBUTE).isEqualTo(NumericAttribute.class.getName());
        assertThat(Names.RELATIONSHIP_ATTRIBUTE).isEqualTo(RelationshipAttribute.class.getName());
        assertThat(Names.GENERATED).isEqualTo(javax.annotation.processing.Generated.class.getName());
    }

    @Test
    void processorIsRegisteredAndSupportsTheMappingAnnotations() throws ReflectiveOperationException {
        assertThat(ServiceLoader.load(Processor.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)).contains(MetamodelProcessor.class);
        Constructor<MetamodelProcessor> constructor = MetamodelProcessor.class.getConstructor();
        MetamodelProcessor processor = constructor.newInstance();
        assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
        assertThat(processor.getSupportedAnnotationTypes())
                .containsExactlyInAnyOrder("dev.athanor.orm.mapping.*", "javax.annotation.processing.Generated");
    }
}
