package dev.athanor.impl.orm.mapping;

import dev.athanor.AthanorException;
import dev.athanor.impl.result.ValueConverter;
import dev.athanor.schema.Column;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One mapped column of an entity: the field (read and written through method handles resolved at mapping time), the
 * Core column, and what the unit of work needs to know about it (key, generation, defaults, version, JSON).
 */
public final class AttributeMapping {
    /** How a key or column gets its value when the application leaves it null. */
    public enum Generation { NONE, IDENTITY, UUID }

    private final String name;
    private final String columnName;
    private final Class<?> javaType;
    private final Class<?> boxedType;
    private final FieldHandles handles;
    private final boolean primaryKey;
    private final Generation generation;
    private final boolean version;
    private final boolean deferred;
    private final boolean serverDefault;
    private final String onUpdateSql;
    private final Supplier<?> insertDefault;
    private final Object insertDefaultValue;
    private final JsonCodec json;
    private final String where;
    private final Field field;
    private final boolean primitive;
    /** Whether the snapshot of a value is the value itself (no JSON text, no copy of a byte array to make). */
    private final boolean snapshotIsValue;
    /** Whether an INSERT writes the field's value as it is, null too (no key, version, default or generation). */
    private final boolean insertedAsIs;
    private EntityMapper owner;
    private int index;
    private Column<?> column;
    /** The entity's generated field access when it covers this attribute; null: the method handles. */
    private EntityAccessor accessor;

    AttributeMapping(Field field, String columnName, FieldHandles handles, boolean primaryKey,
            Generation generation, boolean version, boolean deferred, boolean serverDefault, String onUpdateSql,
            Supplier<?> insertDefault, Object insertDefaultValue, JsonCodec json) {
        this.name = field.getName();
        this.columnName = columnName;
        this.javaType = field.getType();
        this.boxedType = box(field.getType());
        this.handles = handles;
        this.primaryKey = primaryKey;
        this.generation = generation;
        this.version = version;
        this.deferred = deferred;
        this.serverDefault = serverDefault;
        this.onUpdateSql = onUpdateSql;
        this.insertDefault = insertDefault;
        this.insertDefaultValue = insertDefaultValue;
        this.json = json;
        this.where = field.getDeclaringClass().getSimpleName() + "." + field.getName();
        this.field = field;
        this.primitive = field.getType().isPrimitive();
        this.snapshotIsValue = json == null && !field.getType().isAssignableFrom(byte[].class);
        this.insertedAsIs = !primaryKey && !version && generation == Generation.NONE && !serverDefault
                && insertDefault == null && insertDefaultValue == null;
    }

    Field field() {
        return field;
    }

    /** Switches this attribute to generated field access (set once, when the entity's accessor is generated). */
    void useAccessor(EntityAccessor generated) {
        this.accessor = generated;
    }

    /** Whether generated code reads and writes the field (else a method handle does). */
    public boolean hasGeneratedAccess() {
        return accessor != null;
    }

    void bind(EntityMapper mapper, Column<?> mappedColumn, int position) {
        this.owner = mapper;
        this.column = mappedColumn;
        this.index = position;
    }

    // ------------------------------------------------------------------ field access

    public Object get(Object entity) {
        EntityAccessor generated = accessor;
        try {
            if (generated != null) {
                return generated.get(entity, index);
            }
            owner.countHandleAccess();
            return handles.get(entity);
        } catch (Throwable e) {
            throw rethrow(e, "read");
        }
    }

    /** Sets the field; null leaves a primitive field at its current value (the column was NULL). */
    public void set(Object entity, Object value) {
        if (value == null && primitive) {
            return;
        }
        EntityAccessor generated = accessor;
        try {
            if (generated != null) {
                generated.set(entity, index, value);
                return;
            }
            owner.countHandleAccess();
            handles.set(entity, value);
        } catch (Throwable e) {
            throw rethrow(e, "write");
        }
    }

    private AthanorException rethrow(Throwable e, String what) {
        if (e instanceof ClassCastException) {
            return new dev.athanor.ArgumentError("cannot " + what + " " + where + ": " + e.getMessage(), e);
        }
        if (e instanceof RuntimeException runtime && runtime instanceof AthanorException athanor) {
            return athanor;
        }
        return new AthanorException("cannot " + what + " " + where + ": " + e, e);
    }

    // ------------------------------------------------------------------ values

    /** The value to bind for a field value. */
    public Object toDatabase(Object value) {
        return json != null ? json.write(value) : value;
    }

    /** The field value for what the driver returned. */
    public Object fromDatabase(Object raw) {
        if (raw == null) {
            return null;
        }
        if (json != null) {
            return json.read(raw);
        }
        return boxedType.isInstance(raw) ? raw : ValueConverter.convert(raw, boxedType, columnName);
    }

    /** Whether {@link #snapshot} of a value is the value itself (known from the field's type). */
    public boolean snapshotIsValue() {
        return snapshotIsValue;
    }

    /** What dirty checking keeps of a value: JSON as its text (a deep copy), arrays cloned. */
    public Object snapshot(Object value) {
        if (snapshotIsValue || value == null) {   // known from the field's type: the value itself is not read
            return value;
        }
        if (json != null) {
            return json.write(value);
        }
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /** Whether {@code value} differs from the snapshot taken at load or at the last flush. */
    public boolean changed(Object value, Object snapshot) {
        if (json != null) {
            return !Objects.equals(json.write(value), snapshot);
        }
        if (value == snapshot) {
            // the same object as the snapshot holds (after a flush or load of an unchanged field): equal whatever its
            // type, found without reading the object itself (a BigDecimal's compareTo, a value's equals)
            return false;
        }
        if (value instanceof byte[] a && snapshot instanceof byte[] b) {
            return !Arrays.equals(a, b);
        }
        if (value instanceof BigDecimal a && snapshot instanceof BigDecimal b) {
            return a.compareTo(b) != 0;
        }
        return !Objects.equals(value, snapshot);
    }

    /** The Java-side insert default converted to the field type, or null when there is none. */
    public Object insertDefault() {
        if (insertDefault != null) {
            return convertDefault(insertDefault.get());
        }
        if (generation == Generation.UUID) {
            return UUID.randomUUID();
        }
        return insertDefaultValue;
    }

    public boolean hasInsertDefault() {
        return insertDefault != null || insertDefaultValue != null || generation == Generation.UUID;
    }

    /** Converts a default's value (e.g. {@code Now}'s Instant) to the field type. */
    Object convertDefault(Object value) {
        if (value instanceof Instant instant && boxedType != Instant.class) {
            if (boxedType == LocalDateTime.class) {
                return LocalDateTime.ofInstant(instant, ZoneId.systemDefault());
            }
            if (boxedType == LocalDate.class) {
                return LocalDate.ofInstant(instant, ZoneId.systemDefault());
            }
            if (boxedType == OffsetDateTime.class) {
                return instant.atOffset(ZoneOffset.UTC);
            }
            if (boxedType == ZonedDateTime.class) {
                return instant.atZone(ZoneOffset.UTC);
            }
        }
        return value == null || boxedType.isInstance(value) ? value
                : ValueConverter.convert(value, boxedType, columnName);
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "char" -> Character.class;
            default -> type;
        };
    }

    // ------------------------------------------------------------------ description

    /** The Java field name. */
    public String name() {
        return name;
    }

    public String columnName() {
        return columnName;
    }

    public Column<?> column() {
        return column;
    }

    /** The position among the entity's columns. */
    public int index() {
        return index;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public Class<?> boxedType() {
        return boxedType;
    }

    public boolean isPrimaryKey() {
        return primaryKey;
    }

    public Generation generation() {
        return generation;
    }

    /** Whether the database fills it in when left out (identity). */
    public boolean isDatabaseGenerated() {
        return generation == Generation.IDENTITY;
    }

    /**
     * Whether an INSERT writes the field's value as it is, null included: not a key, a version, a column with a
     * default or a generated one, which the unit of work checks per row.
     */
    public boolean isInsertedAsIs() {
        return insertedAsIs;
    }

    public boolean isVersion() {
        return version;
    }

    public boolean isDeferred() {
        return deferred;
    }

    public boolean hasServerDefault() {
        return serverDefault;
    }

    /** SQL set by every UPDATE, or null. */
    public String onUpdateSql() {
        return onUpdateSql;
    }

    public boolean isJson() {
        return json != null;
    }

    public boolean isPrimitive() {
        return primitive;
    }

    /** {@code User.name}, for messages. */
    public String describe() {
        return where;
    }

    @Override
    public String toString() {
        return where + " -> " + columnName;
    }
}
