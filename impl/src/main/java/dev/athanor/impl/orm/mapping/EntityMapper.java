package dev.athanor.impl.orm.mapping;

import dev.athanor.ArgumentError;
import dev.athanor.AthanorException;
import dev.athanor.Select;
import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable mapping of one entity class: its table, its column attributes (in table order), primary key,
 * version column, the columns a SELECT loads and the deferred ones, and how to make instances. Built once per class
 * by {@link MapperFactory}.
 */
public final class EntityMapper {
    private final Class<?> type;
    private final Table table;
    private final AttributeMapping[] attributes;
    private final AttributeMapping[] primaryKey;
    private final AttributeMapping version;
    private final AttributeMapping[] loaded;
    private final AttributeMapping[] deferred;
    private final Map<String, AttributeMapping> byName;
    /** The no-argument constructor as reflected, {@code ()E}; {@link #constructor}: erased, made on first use. */
    private final MethodHandle exactConstructor;
    private MethodHandle constructor;
    private final List<Expression<?>> selectColumns;
    private final boolean serverGenerated;
    private volatile MethodHandle loadingConstructor;

    EntityMapper(Class<?> type, Table table, List<AttributeMapping> attributes, List<AttributeMapping> primaryKey,
            MethodHandle constructor, List<RelationshipField> relationshipFields) {
        this.relationshipFields = List.copyOf(relationshipFields);
        this.type = type;
        this.table = table;
        // no streams, lambdas or method references here: each is a class spun on first use, paid at cold start
        this.attributes = attributes.toArray(new AttributeMapping[0]);
        this.primaryKey = primaryKey.toArray(new AttributeMapping[0]);
        this.exactConstructor = constructor;
        Map<String, AttributeMapping> names = new LinkedHashMap<>();
        List<AttributeMapping> load = new ArrayList<>();
        List<AttributeMapping> later = new ArrayList<>();
        AttributeMapping versionColumn = null;
        boolean generated = false;
        for (int i = 0; i < this.attributes.length; i++) {
            AttributeMapping attribute = this.attributes[i];
            attribute.bind(this, table.columns().get(i), i);
            names.put(attribute.name(), attribute);
            (attribute.isDeferred() ? later : load).add(attribute);
            if (attribute.isVersion()) {
                versionColumn = attribute;
            }
            generated |= attribute.hasServerDefault() || attribute.onUpdateSql() != null;
        }
        this.byName = Collections.unmodifiableMap(names);
        this.loaded = load.toArray(new AttributeMapping[0]);
        this.deferred = later.toArray(new AttributeMapping[0]);
        this.version = versionColumn;
        this.serverGenerated = generated;
        List<Expression<?>> select = new ArrayList<>(loaded.length);
        for (AttributeMapping attribute : loaded) {
            select.add(attribute.column());
        }
        this.selectColumns = Collections.unmodifiableList(select);
        List<AttributeMapping> withOnUpdate = new ArrayList<>(0);
        for (AttributeMapping attribute : this.attributes) {
            if (attribute.onUpdateSql() != null) {
                withOnUpdate.add(attribute);
            }
        }
        this.onUpdateColumns = withOnUpdate.isEmpty() ? List.of() : Collections.unmodifiableList(withOnUpdate);
        this.keyPositions = new int[this.primaryKey.length];
        for (int k = 0; k < keyPositions.length; k++) {
            keyPositions[k] = Arrays.asList(loaded).indexOf(this.primaryKey[k]);
        }
    }

    private final int[] keyPositions;
    private final List<AttributeMapping> onUpdateColumns;

    // ------------------------------------------------------------------ generated field access

    /**
     * Field accesses through method handles after which the accessor is generated. A cold start (boot, first
     * get) stays below it and loads no code generator; a load of a few hundred rows, or a few dozen inserts, passes
     * it. {@code -Dathanor.orm.generateAccessorsAfter=0} generates on first use.
     */
    private static final int GENERATE_AFTER = Integer.getInteger("athanor.orm.generateAccessorsAfter", 1_000);

    private final Object accessLock = new Object();
    /** Counted racily (a lost increment only delays generation); stops mattering once generation was tried. */
    private int handleAccesses;
    private volatile boolean accessGenerated;
    /** The generated accessor (constructor and covered fields), or null. */
    private EntityAccessor accessor;
    /** Which of {@link #relationshipFields} the accessor covers (by position); null until generated. */
    private boolean[] coveredRelationships;
    /** {@link #populator()}: written before the volatile {@code accessGenerated}, read racily (null: the loop serves). */
    private EntityAccessor populator;

    /** Called by an attribute's method-handle path: generates the accessor once the entity is in use. */
    void countHandleAccess() {
        if (++handleAccesses > GENERATE_AFTER && !accessGenerated) {
            generateAccess();
        }
    }

    /**
     * Generates the entity's field access ({@link EntityAccessors}) if not done yet; attributes it covers switch to
     * it, the others keep their method handles. Without it (generation failed or is off) everything stays as it was.
     */
    public void generateAccess() {
        if (accessGenerated) {
            return;
        }
        synchronized (accessLock) {
            if (accessGenerated) {
                return;
            }
            // the columns first (attribute i at index i), then the relationship fields
            java.lang.reflect.Field[] fields = new java.lang.reflect.Field[attributes.length
                    + relationshipFields.size()];
            for (int i = 0; i < attributes.length; i++) {
                fields[i] = attributes[i].field();
            }
            for (int r = 0; r < relationshipFields.size(); r++) {
                fields[attributes.length + r] = relationshipFields.get(r).field();
            }
            EntityAccessors.Generated generated = EntityAccessors.generate(type, fields, attributes.length);
            if (generated != null) {
                accessor = generated.accessor();
                coveredRelationships = java.util.Arrays.copyOfRange(generated.covered(), attributes.length,
                        fields.length);
                boolean plain = deferred.length == 0;
                for (int i = 0; i < attributes.length; i++) {
                    if (generated.covered()[i]) {
                        attributes[i].useAccessor(generated.accessor());
                    }
                    plain &= generated.covered()[i] && attributes[i].snapshotIsValue();
                }
                populator = plain ? generated.accessor() : null;
            }
            accessGenerated = true;
        }
    }

    /**
     * The generated accessor when it can populate a whole default load ({@link EntityAccessor#populate}): every
     * attribute covered and loaded by default (none deferred), and its snapshot the value itself (not JSON text nor
     * a copy of a byte array: the populate stores the value in the snapshot as it is).
     * Null otherwise, and until the accessor is generated.
     */
    public EntityAccessor populator() {
        return populator;
    }

    /**
     * The generated accessor when it covers relationship field {@code field} (declared by this entity, or inherited
     * into its list), or null: then the field's method handles serve. Its index in the accessor is
     * {@link #relationshipAccessIndex}. Null too until {@link #generateAccess()} ran.
     */
    EntityAccessor relationshipAccessor(RelationshipField field) {
        if (!accessGenerated || coveredRelationships == null) {
            return null;
        }
        int position = positionOf(field);
        return position >= 0 && coveredRelationships[position] ? accessor : null;
    }

    /** The index of relationship field {@code field} in the generated accessor's {@code get} and {@code set}. */
    int relationshipAccessIndex(RelationshipField field) {
        return attributes.length + positionOf(field);
    }

    /** By identity: the record's equals would compare its annotation too (reflectively, at boot). */
    private int positionOf(RelationshipField field) {
        for (int i = 0; i < relationshipFields.size(); i++) {
            if (relationshipFields.get(i) == field) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@link #generateAccess()} ran (whatever it achieved). */
    public boolean accessGenerated() {
        return accessGenerated;
    }
    private final List<RelationshipField> relationshipFields;

    /** The {@code @Relationship} fields as declared; the registry resolves them into {@link RelationshipMapping}s. */
    public List<RelationshipField> relationshipFields() {
        return relationshipFields;
    }

    /** Whether a lazy-loading subclass is needed: deferred columns, or to-one relationships with getters. */
    public boolean needsLoadingSubclass() {
        if (deferred.length > 0) {
            return true;
        }
        for (RelationshipField field : relationshipFields) {
            if (field.getterMethod() != null) {
                return true;
            }
        }
        return false;
    }

    /** The columns with {@code onUpdate} SQL (empty for most entities). */
    public List<AttributeMapping> onUpdateColumns() {
        return onUpdateColumns;
    }

    /** Where each key column is among {@link #loaded()} (so among the columns of the entity's SELECT). */
    public int[] keyPositions() {
        return keyPositions;
    }

    public Class<?> type() {
        return type;
    }

    public String entityName() {
        return type.getSimpleName();
    }

    public Table table() {
        return table;
    }

    /** Every column attribute, in table column order. */
    public AttributeMapping[] attributes() {
        return attributes;
    }

    public AttributeMapping[] primaryKey() {
        return primaryKey;
    }

    /** The {@code @Version} column, or null. */
    public AttributeMapping version() {
        return version;
    }

    /** The attributes a SELECT of the entity loads, in select order. */
    public AttributeMapping[] loaded() {
        return loaded;
    }

    public AttributeMapping[] deferred() {
        return deferred;
    }

    /** Whether some column gets its value from the database (server default, onUpdate SQL). */
    public boolean hasServerGeneratedColumns() {
        return serverGenerated;
    }

    /** The attribute of this field name (or column name), or an error naming the entity and its attributes. */
    public AttributeMapping attribute(String name) {
        AttributeMapping attribute = byName.get(name);
        if (attribute == null) {
            for (AttributeMapping candidate : attributes) {
                if (candidate.columnName().equalsIgnoreCase(name)) {
                    return candidate;
                }
            }
            throw new ArgumentError(entityName() + " has no mapped attribute '" + name + "'; its attributes are "
                    + byName.keySet());
        }
        return attribute;
    }

    /** The attribute of this name, or null. */
    public AttributeMapping findAttribute(String name) {
        AttributeMapping attribute = byName.get(name);
        if (attribute != null) {
            return attribute;
        }
        for (AttributeMapping candidate : attributes) {
            if (candidate.columnName().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }

    private volatile Select<?> keyLookup;

    /**
     * {@code SELECT ... WHERE pk = :athanor_pk_0 [AND ...]}, built once: a session's {@code get} executes the same
     * statement object every time, with the key as parameters.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Select<?> keyLookup() {
        Select<?> lookup = keyLookup;
        if (lookup == null) {
            Expression<Boolean>[] conditions = new Expression[primaryKey.length];
            for (int i = 0; i < primaryKey.length; i++) {
                dev.athanor.schema.Column column = primaryKey[i].column();
                conditions[i] = column.eq(dev.athanor.Sql.bindParam(keyParameter(i), column.type()));
            }
            lookup = dev.athanor.impl.sql.SqlCompiler.reusable(select().where(conditions));
            keyLookup = lookup;
        }
        return lookup;
    }

    /** The parameter name of the {@code i}-th key column in {@link #keyLookup()}. */
    public static String keyParameter(int i) {
        return "athanor_pk_" + i;
    }

    /** {@code select(User.class)}. */
    public <E> Select<E> select() {
        return Select.ofEntity(type, selectColumns, List.of(table));
    }

    public List<Expression<?>> selectColumns() {
        return selectColumns;
    }

    /** A new instance made by the application's constructor. */
    public Object newInstance() {
        return construct();
    }

    private Object construct() {
        EntityAccessor generated = accessor;
        if (generated == null) {
            MethodHandle erased = constructor;
            if (erased == null) {   // as FieldHandles: adapted when first used, not at boot
                constructor = erased = exactConstructor.asType(MethodType.methodType(Object.class));
            }
            return invoke(erased);
        }
        try {
            return generated.newInstance();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new AthanorException("cannot create a " + type.getName() + ": " + e, e);
        }
    }

    /** A new instance for loaded rows: the lazy-loading subclass when the entity has deferred columns. */
    public Object newLoadedInstance() {
        MethodHandle loading = loadingConstructor;
        return loading != null ? invoke(loading) : construct();
    }

    /** Installed once by the loading layer for entities with deferred columns. */
    public void useLoadingConstructor(MethodHandle handle) {
        this.loadingConstructor = handle;
    }

    public boolean hasLoadingConstructor() {
        return loadingConstructor != null;
    }

    private Object invoke(MethodHandle handle) {
        try {
            return (Object) handle.invokeExact();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new AthanorException("cannot create a " + type.getName() + ": " + e, e);
        }
    }

    // ------------------------------------------------------------------ keys

    /** The identity of an object: its key value, or a List for a composite key; null if any part is null. */
    public Object keyOf(Object entity) {
        if (primaryKey.length == 1) {
            return primaryKey[0].get(entity);
        }
        Object[] parts = new Object[primaryKey.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = primaryKey[i].get(entity);
            if (parts[i] == null) {
                return null;
            }
        }
        return List.of(parts);
    }

    /**
     * A key given by the application ({@code session.get(User.class, 5)}; a List, array or attribute Map for a
     * composite key) in the form {@link #keyOf} gives.
     */
    public Object normalizeKey(Object key) {
        if (key == null) {
            throw new ArgumentError("a primary key of " + entityName() + " cannot be null");
        }
        if (primaryKey.length == 1) {
            AttributeMapping pk = primaryKey[0];
            Object single = key instanceof List<?> list && list.size() == 1 ? list.get(0)
                    : key instanceof Object[] array && array.length == 1 ? array[0] : key;
            return convertKeyPart(pk, single);
        }
        List<?> parts;
        if (key instanceof List<?> list) {
            parts = list;
        } else if (key instanceof Object[] array) {
            parts = Arrays.asList(array);
        } else if (key instanceof Map<?, ?> map) {
            List<Object> ordered = new ArrayList<>();
            for (AttributeMapping pk : primaryKey) {
                ordered.add(map.containsKey(pk.name()) ? map.get(pk.name()) : map.get(pk.columnName()));
            }
            parts = ordered;
        } else {
            throw new ArgumentError(entityName() + " has a composite primary key " + keyNames()
                    + "; give its values as a List, an array or a Map, not " + key);
        }
        if (parts.size() != primaryKey.length) {
            throw new ArgumentError(entityName() + " has a primary key of " + primaryKey.length + " columns "
                    + keyNames() + "; got " + parts.size() + " values " + parts);
        }
        Object[] converted = new Object[primaryKey.length];
        for (int i = 0; i < converted.length; i++) {
            converted[i] = convertKeyPart(primaryKey[i], parts.get(i));
        }
        return List.of(converted);
    }

    private Object convertKeyPart(AttributeMapping pk, Object value) {
        if (value == null) {
            throw new ArgumentError("a primary key of " + entityName() + " cannot be null (" + pk.name() + ")");
        }
        if (pk.boxedType().isInstance(value)) {
            return value;
        }
        try {
            return dev.athanor.impl.result.ValueConverter.convert(value, pk.boxedType(), pk.columnName());
        } catch (ArgumentError e) {
            throw new ArgumentError("primary key of " + entityName() + ": " + pk.name() + " is "
                    + pk.boxedType().getSimpleName() + ", got " + value.getClass().getSimpleName() + " " + value, e);
        }
    }

    /** {@code User(id=5)}, for messages: the entity and the key values the object holds. */
    public String describe(Object entity) {
        StringBuilder text = new StringBuilder(entityName()).append('(');
        for (int i = 0; i < primaryKey.length; i++) {
            text.append(i == 0 ? "" : ", ").append(primaryKey[i].name()).append('=').append(primaryKey[i].get(entity));
        }
        return text.append(')').toString();
    }

    /** The key's attribute names. */
    public List<String> keyNames() {
        return Arrays.stream(primaryKey).map(AttributeMapping::name).toList();
    }

    /** Whether the key is generated by the database (a single identity column). */
    public AttributeMapping identityColumn() {
        return primaryKey.length == 1 && primaryKey[0].isDatabaseGenerated() ? primaryKey[0] : null;
    }

    @Override
    public String toString() {
        return "EntityMapper[" + type.getName() + " -> " + table.name() + "]";
    }
}
