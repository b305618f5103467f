package dev.athanor.impl.orm.mapping;

import dev.athanor.ArgumentError;
import dev.athanor.impl.result.ValueConverter;
import dev.athanor.orm.mapping.Column;
import dev.athanor.orm.mapping.Entity;
import dev.athanor.orm.mapping.ForeignKey;
import dev.athanor.orm.mapping.Id;
import dev.athanor.orm.mapping.Index;
import dev.athanor.orm.mapping.Relationship;
import dev.athanor.orm.mapping.SqlType;
import dev.athanor.orm.mapping.UniqueConstraint;
import dev.athanor.orm.mapping.Version;
import dev.athanor.schema.ColumnDef;
import dev.athanor.schema.MetaData;
import dev.athanor.schema.Schema;
import dev.athanor.schema.Table;
import dev.athanor.schema.TableElement;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Reads one class's annotations into an {@link EntityMapper}, collecting every problem (class and field named)
 * instead of stopping at the first.
 */
final class MapperFactory {

    private final Class<?> type;
    private final List<String> problems;
    private MethodHandles.Lookup lookup;

    private MapperFactory(Class<?> type, List<String> problems) {
        this.type = type;
        this.problems = problems;
    }

    /** The mapper, or null with the reasons added to {@code problems}. */
    static EntityMapper map(Class<?> type, List<String> problems) {
        return new MapperFactory(type, problems).map();
    }

    private void problem(String message) {
        problems.add(message);
    }

    private EntityMapper map() {
        int before = problems.size();
        String name = type.getName();
        Entity entity = type.getAnnotation(Entity.class);
        if (entity == null) {
            problem(name + " is not annotated @Entity");
            return null;
        }
        if (type.isInterface() || type.isEnum() || type.isRecord() || type.isArray() || type.isPrimitive()) {
            problem(name + ": @Entity goes on a class, not on an interface, enum or record");
            return null;
        }
        int modifiers = type.getModifiers();
        if (Modifier.isFinal(modifiers)) {
            problem(name + " must not be final: the ORM makes subclasses of entities for lazy loading");
        }
        if (Modifier.isAbstract(modifiers)) {
            problem(name + " must not be abstract: the ORM creates its instances");
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(modifiers)) {
            problem(name + " is an inner class: make it static so the ORM can create instances");
        }
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        } catch (IllegalAccessException e) {
            problem(name + ": its package is not open to dev.athanor.impl (" + e.getMessage() + ")");
            return null;
        }
        MethodHandle constructor = constructor();
        fields = mappedFields();
        List<AttributeMapping> attributes = new ArrayList<>();
        List<TableElement> elements = new ArrayList<>();
        Set<String> columnNames = new HashSet<>();
        // Plain loops rather than streams and lambdas on this path: each lambda costs a class spun on its first call,
        // which is what a fresh JVM's boot pays (issue 14, cold start).
        List<Field> idFields = new ArrayList<>(1);
        for (Field field : fields) {
            if (field.isAnnotationPresent(Id.class)) {
                idFields.add(field);
            }
        }
        List<String> compositeKey = Arrays.asList(entity.primaryKey());
        if (compositeKey.isEmpty() && idFields.size() > 1) {
            problem(name + " has " + idFields.size() + " @Id fields " + idFields.stream().map(Field::getName).toList()
                    + ": declare a composite key with @Entity(primaryKey = {" + String.join(", ",
                    idFields.stream().map(f -> "\"" + f.getName() + "\"").toList()) + "})");
        }
        Set<String> fieldNames = new HashSet<>();
        for (Field field : fields) {
            fieldNames.add(field.getName());
        }
        for (String keyField : compositeKey) {
            if (!fieldNames.contains(keyField)) {
                problem(name + ": @Entity(primaryKey) names '" + keyField + "', which is not a mapped field; mapped "
                        + "fields are " + fields.stream().map(Field::getName).toList());
            }
        }
        if (compositeKey.isEmpty() && idFields.isEmpty()) {
            problem(name + " has no primary key: mark a field @Id or declare @Entity(primaryKey = {...})");
        }
        for (Field field : fields) {
            boolean key = compositeKey.isEmpty() ? field.isAnnotationPresent(Id.class)
                    : compositeKey.contains(field.getName());
            AttributeMapping attribute = attribute(field, key, compositeKey.size() > 1, elements);
            if (attribute != null) {
                if (!columnNames.add(attribute.columnName().toLowerCase(Locale.ROOT))) {
                    problem(describe(field) + ": column '" + attribute.columnName() + "' is mapped twice");
                }
                attributes.add(attribute);
            }
        }
        if (compositeKey.size() > 1) {
            List<String> keyColumns = new ArrayList<>();
            for (String keyField : compositeKey) {
                attributes.stream().filter(a -> a.name().equals(keyField)).findFirst()
                        .ifPresent(a -> keyColumns.add(a.columnName()));
            }
            elements.add(Schema.primaryKey(keyColumns.toArray(new String[0])));
        }
        compositeForeignKeys(fields, elements);
        for (UniqueConstraint unique : entity.uniqueConstraints()) {
            dev.athanor.schema.UniqueConstraint constraint = Schema.uniqueConstraint(unique.value());
            elements.add(unique.name().isEmpty() ? constraint : constraint.named(unique.name()));
        }
        for (Index index : entity.indexes()) {
            dev.athanor.schema.Index declared = Schema.index(index.name(), index.columns());
            elements.add(index.unique() ? declared.asUnique() : declared);
        }
        if (problems.size() > before) {
            return null;
        }
        String tableName = entity.table().isEmpty() ? NameStyle.snakeCase(type.getSimpleName()) : entity.table();
        Table table;
        try {
            table = new MetaData().table(tableName, elements.toArray(new TableElement[0]));
        } catch (ArgumentError e) {
            problem(name + ": " + e.getMessage());
            return null;
        }
        List<AttributeMapping> key = new ArrayList<>();
        if (compositeKey.isEmpty()) {
            for (AttributeMapping attribute : attributes) {
                if (attribute.isPrimaryKey()) {
                    key.add(attribute);
                }
            }
        } else {
            for (String keyField : compositeKey) {
                attributes.stream().filter(a -> a.name().equals(keyField)).forEach(key::add);
            }
        }
        List<RelationshipField> relationships = relationshipFields();
        if (problems.size() > before) {
            return null;
        }
        return new EntityMapper(type, table, attributes, key, constructor, relationships);
    }

    /** The {@code @Relationship} fields, superclass fields first, read but not yet resolved. */
    private List<RelationshipField> relationshipFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<RelationshipField> result = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                Relationship relationship = field.getAnnotation(Relationship.class);
                if (relationship == null || field.isAnnotationPresent(Column.class)
                        || field.isAnnotationPresent(Id.class)) {
                    continue;
                }
                RelationshipField read = relationshipField(field, relationship);
                if (read != null) {
                    result.add(read);
                }
            }
        }
        return result;
    }

    private RelationshipField relationshipField(Field field, Relationship relationship) {
        String where = describe(field);
        int modifiers = field.getModifiers();
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || Modifier.isFinal(modifiers)) {
            problem(where + ": a @Relationship field must not be static, transient or final (the session sets it)");
            return null;
        }
        Class<?> raw = field.getType();
        Class<?> target;
        RelationshipField.CollectionKind kind;
        if (raw == java.util.List.class || raw == java.util.Collection.class || raw == java.util.Set.class) {
            kind = raw == java.util.Set.class ? RelationshipField.CollectionKind.SET
                    : RelationshipField.CollectionKind.LIST;
            target = elementType(field);
            if (target == null) {
                problem(where + ": a collection relationship needs its element type, e.g. List<User>, not "
                        + field.getGenericType().getTypeName());
                return null;
            }
        } else if (java.util.Collection.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw)) {
            problem(where + ": declare a collection relationship as List<T>, Set<T> or Collection<T>, not "
                    + raw.getSimpleName() + " (the session installs its own tracked List or Set)");
            return null;
        } else {
            kind = RelationshipField.CollectionKind.NONE;
            target = raw;
        }
        if (!target.isAnnotationPresent(Entity.class)) {
            problem(where + ": the related class " + target.getName() + " is not an @Entity");
            return null;
        }
        if (!relationship.secondary().isEmpty() && kind == RelationshipField.CollectionKind.NONE) {
            problem(where + ": a many-to-many relationship (secondary = \"" + relationship.secondary()
                    + "\") must be a List or Set");
            return null;
        }
        try {
            FieldHandles handles = new FieldHandles(lookup, field);
            String getterMethod = kind == RelationshipField.CollectionKind.NONE && !constructorIsPrivate()
                    && Getters.hasOverridableGetter(field, type) ? Getters.of(type, field.getName()).getName() : null;
            return new RelationshipField(field.getName(), relationship, target, kind, handles, getterMethod,
                    field);
        } catch (IllegalAccessException e) {
            problem(where + ": not accessible: " + e.getMessage());
            return null;
        }
    }

    private static Class<?> elementType(Field field) {
        if (field.getGenericType() instanceof java.lang.reflect.ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return null;
    }

    /**
     * Several {@code @ForeignKey} columns referring to different columns of one table (a composite key:
     * {@code shelves.building}, {@code shelves.number}) form one constraint; columns referring to the same column
     * ({@code addresses.id} twice) stay separate keys.
     */
    private Map<String, List<Field>> compositeGroups() {
        if (compositeGroups == null) {
            Map<String, List<Field>> byTable = new java.util.LinkedHashMap<>();
            for (Field field : fields) {
                ForeignKey fk = field.getAnnotation(ForeignKey.class);
                if (fk != null && fk.value().contains(".")) {
                    String table = fk.value().substring(0, fk.value().lastIndexOf('.'));
                    List<Field> group = byTable.get(table);
                    if (group == null) {
                        group = new ArrayList<>(2);
                        byTable.put(table, group);
                    }
                    group.add(field);
                }
            }
            for (java.util.Iterator<List<Field>> i = byTable.values().iterator(); i.hasNext(); ) {
                List<Field> group = i.next();
                if (group.size() < 2 || distinctTargetColumns(group) != group.size()) {
                    i.remove();
                }
            }
            compositeGroups = byTable;
        }
        return compositeGroups;
    }

    private Map<String, List<Field>> compositeGroups;
    /** The mapped fields, read once ({@link #mappedFields} reports problems: a second call would repeat them). */
    private List<Field> fields;

    private static int distinctTargetColumns(List<Field> group) {
        Set<String> targets = new HashSet<>();
        for (Field field : group) {
            String target = field.getAnnotation(ForeignKey.class).value();
            targets.add(target.substring(target.lastIndexOf('.') + 1));
        }
        return targets.size();
    }

    private boolean partOfCompositeKey(ForeignKey fk) {
        for (List<Field> group : compositeGroups().values()) {
            for (Field field : group) {
                if (field.getAnnotation(ForeignKey.class) == fk) {
                    return true;
                }
            }
        }
        return false;
    }

    private void compositeForeignKeys(List<Field> fields, List<TableElement> elements) {
        for (Map.Entry<String, List<Field>> composite : compositeGroups().entrySet()) {
            String table = composite.getKey();
            List<Field> group = composite.getValue();
            List<String> columns = new ArrayList<>();
            List<String> targets = new ArrayList<>();
            for (Field field : group) {
                Column column = field.getAnnotation(Column.class);
                columns.add(column != null && !column.name().isEmpty() ? column.name()
                        : NameStyle.snakeCase(field.getName()));
                String target = field.getAnnotation(ForeignKey.class).value();
                targets.add(target.substring(target.lastIndexOf('.') + 1));
            }
            ForeignKey first = group.get(0).getAnnotation(ForeignKey.class);
            elements.add(Schema.foreignKey(columns, table, targets).onDelete(first.onDelete())
                    .onUpdate(first.onUpdate()));
        }
    }

    private MethodHandle constructor() {
        try {
            Constructor<?> noArgs = type.getDeclaredConstructor();
            return lookup.unreflectConstructor(noArgs);   // erased on first use (EntityMapper)
        } catch (NoSuchMethodException e) {
            problem(type.getName() + " has no no-argument constructor (any visibility will do)");
        } catch (IllegalAccessException e) {
            problem(type.getName() + ": its no-argument constructor is not accessible: " + e.getMessage());
        }
        return null;
    }

    private boolean constructorIsPrivate() {
        try {
            return Modifier.isPrivate(type.getDeclaredConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false; // reported already
        }
    }

    /** Annotated instance fields, superclass fields first. */
    private List<Field> mappedFields() {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<Field> fields = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                boolean annotated = field.isAnnotationPresent(Id.class) || field.isAnnotationPresent(Column.class)
                        || field.isAnnotationPresent(Version.class);
                if (!annotated) {
                    continue;
                }
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)) {
                    problem(describe(field) + ": static and transient fields cannot be mapped");
                    continue;
                }
                if (field.isAnnotationPresent(Relationship.class)) {
                    problem(describe(field) + ": a field is either a @Column or a @Relationship, not both");
                    continue;
                }
                fields.add(field);
            }
        }
        return fields;
    }

    private static String describe(Field field) {
        return field.getDeclaringClass().getName() + "." + field.getName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private AttributeMapping attribute(Field field, boolean primaryKey, boolean composite,
            List<TableElement> elements) {
        Column column = field.getAnnotation(Column.class);
        Id id = field.getAnnotation(Id.class);
        Version version = field.getAnnotation(Version.class);
        String where = describe(field);
        int before = problems.size();
        if (Modifier.isFinal(field.getModifiers())) {
            problem(where + " is final: the ORM writes mapped fields when it loads rows");
        }
        String explicitName = id != null && !id.name().isEmpty() ? id.name()
                : version != null && !version.name().isEmpty() ? version.name()
                : column != null && !column.name().isEmpty() ? column.name() : null;
        String columnName = explicitName != null ? explicitName : NameStyle.snakeCase(field.getName());
        Class<?> javaType = field.getType();
        SqlType declared = column == null ? SqlType.AUTO : column.type();
        dev.athanor.schema.SqlType<?> sqlType = SqlTypeResolver.resolve(javaType, declared,
                column == null ? 0 : column.length(), column == null ? 0 : column.precision(),
                column == null ? 0 : column.scale());
        if (sqlType == null) {
            problem(where + ": type " + field.getGenericType().getTypeName() + " has no SQL type"
                    + (declared == SqlType.AUTO ? "; for records, lists and maps use @Column(type = SqlType.JSON)"
                    : " as " + declared));
        }
        Class<?> boxed = javaType.isPrimitive() ? SqlTypeResolver.primitiveBox(javaType) : javaType;
        if (version != null && boxed != Integer.class && boxed != Long.class && boxed != Short.class) {
            problem(where + ": a @Version field must be an int, long or short (or their boxes), not "
                    + javaType.getSimpleName());
        }
        AttributeMapping.Generation generation = AttributeMapping.Generation.NONE;
        if (primaryKey && !composite && (id == null || id.generated())) {
            if (boxed == Integer.class || boxed == Long.class) {
                generation = AttributeMapping.Generation.IDENTITY;
            } else if (boxed == UUID.class) {
                generation = AttributeMapping.Generation.UUID;
            }
        }
        boolean deferred = column != null && column.deferred();
        if (deferred && primaryKey) {
            problem(where + ": a primary key column cannot be deferred");
        }
        if (deferred && !Getters.hasOverridableGetter(field, type)) {
            problem(where + " is deferred but has no getter to load it on first call: add a non-final, non-private "
                    + "get" + Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1) + "()");
        }
        if (deferred && constructorIsPrivate()) {
            problem(where + " is deferred: the no-argument constructor of " + type.getSimpleName()
                    + " must not be private, so that the lazy-loading subclass can call it");
        }
        Supplier<?> insertDefault = column == null ? null : supplier(column, where);
        Object insertDefaultValue = column == null || column.insertDefaultValue().isEmpty() ? null
                : literal(column.insertDefaultValue(), boxed, where);
        String serverDefault = column == null || column.serverDefault().isEmpty() ? null : column.serverDefault();
        String onUpdate = column == null || column.onUpdate().isEmpty() ? null : column.onUpdate();
        FieldHandles handles = null;
        try {
            handles = new FieldHandles(lookup, field);
        } catch (IllegalAccessException e) {
            problem(where + ": not accessible: " + e.getMessage());
        }
        if (problems.size() > before) {
            return null;
        }
        ColumnDef def = Schema.column(columnName, sqlType);
        if (primaryKey && !composite) {
            def = def.primaryKey().autoincrement(generation == AttributeMapping.Generation.IDENTITY);
        }
        boolean notNull = primaryKey || javaType.isPrimitive() || version != null
                || (column != null && !column.nullable());
        def = def.nullable(!notNull);
        if (column != null) {
            if (column.unique()) {
                def = def.unique();
            }
            if (column.index()) {
                def = def.index();
            }
        }
        if (serverDefault != null) {
            def = def.serverDefault(serverDefault);
        }
        ForeignKey fk = field.getAnnotation(ForeignKey.class);
        if (fk != null && !partOfCompositeKey(fk)) {
            def = def.references(fk.value()).onDelete(fk.onDelete()).onUpdate(fk.onUpdate());
        }
        elements.add(def);
        JsonCodec json = sqlType.kind() == dev.athanor.schema.SqlType.Kind.JSON
                ? new JsonCodec(field.getGenericType(), where) : null;
        return new AttributeMapping(field, columnName, handles, primaryKey, generation, version != null,
                deferred, serverDefault != null, onUpdate, insertDefault, insertDefaultValue, json);
    }

    private Supplier<?> supplier(Column column, String where) {
        Class<?> supplierType = column.insertDefault();
        if (supplierType == Supplier.class) {
            return null;
        }
        try {
            Constructor<?> constructor = supplierType.getDeclaredConstructor();
            constructor.setAccessible(true);
            return (Supplier<?>) constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            problem(where + ": insertDefault " + supplierType.getName()
                    + " needs a no-argument constructor (" + e + ")");
            return null;
        }
    }

    private Object literal(String text, Class<?> type, String where) {
        try {
            if (Number.class.isAssignableFrom(type)) {
                return ValueConverter.convert(new BigDecimal(text.trim()), type, where);
            }
            return ValueConverter.convert(text, type, where);
        } catch (RuntimeException e) {
            problem(where + ": insertDefaultValue \"" + text + "\" is not a " + type.getSimpleName() + ": "
                    + e.getMessage());
            return null;
        }
    }
}
