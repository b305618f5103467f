package dev.athanor.impl.orm.mapping;

import dev.athanor.orm.mapping.SqlType;
import dev.athanor.schema.SqlTypes;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** The Core SQL type of a mapped field: from {@code @Column(type=...)} or from the field's Java type. */
final class SqlTypeResolver {
    private SqlTypeResolver() {
    }

    /** The type, or null when the Java type has no SQL type of its own (the caller reports it). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static dev.athanor.schema.SqlType<?> resolve(Class<?> javaType, SqlType declared, int length, int precision,
            int scale) {
        Class<?> type = javaType.isPrimitive() ? primitiveBox(javaType) : javaType;
        switch (declared) {
            case AUTO:
                break;
            case VARCHAR:
                return length > 0 ? SqlTypes.varchar(length) : SqlTypes.VARCHAR;
            case TEXT:
                return SqlTypes.TEXT;
            case SMALLINT:
                return SqlTypes.SMALLINT;
            case INTEGER:
                return SqlTypes.INTEGER;
            case BIGINT:
                return SqlTypes.BIGINT;
            case BOOLEAN:
                return SqlTypes.BOOLEAN;
            case REAL:
                return SqlTypes.REAL;
            case DOUBLE:
                return SqlTypes.DOUBLE;
            case NUMERIC:
                return precision > 0 ? SqlTypes.numeric(precision, scale) : SqlTypes.NUMERIC;
            case DATE:
                return SqlTypes.DATE;
            case TIME:
                return SqlTypes.TIME;
            case TIMESTAMP:
                return SqlTypes.TIMESTAMP;
            case TIMESTAMP_WITH_TIME_ZONE:
                return SqlTypes.TIMESTAMP_WITH_TIME_ZONE;
            case UUID:
                return SqlTypes.UUID;
            case BLOB:
                return SqlTypes.BLOB;
            case JSON:
                return SqlTypes.JSON;
            case NATIVE_ENUM:
                return type.isEnum() ? SqlTypes.nativeEnumType((Class) type) : null;
            default:
                return null;
        }
        if (type == String.class) {
            return length > 0 ? SqlTypes.varchar(length) : SqlTypes.VARCHAR;
        }
        if (type == Integer.class) {
            return SqlTypes.INTEGER;
        }
        if (type == Long.class || type == BigInteger.class) {
            return SqlTypes.BIGINT;
        }
        if (type == Short.class || type == Byte.class) {
            return SqlTypes.SMALLINT;
        }
        if (type == Boolean.class) {
            return SqlTypes.BOOLEAN;
        }
        if (type == Double.class) {
            return SqlTypes.DOUBLE;
        }
        if (type == Float.class) {
            return SqlTypes.REAL;
        }
        if (type == BigDecimal.class) {
            return precision > 0 ? SqlTypes.numeric(precision, scale) : SqlTypes.NUMERIC;
        }
        if (type == LocalDate.class) {
            return SqlTypes.DATE;
        }
        if (type == LocalTime.class) {
            return SqlTypes.TIME;
        }
        if (type == LocalDateTime.class) {
            return SqlTypes.TIMESTAMP;
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return SqlTypes.TIMESTAMP_WITH_TIME_ZONE;
        }
        if (type == UUID.class) {
            return SqlTypes.UUID;
        }
        if (type == byte[].class) {
            return length > 0 ? SqlTypes.binary(length) : SqlTypes.BLOB;
        }
        if (type.isEnum()) {
            return SqlTypes.enumType((Class) type);
        }
        return null;
    }

    static Class<?> primitiveBox(Class<?> type) {
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "boolean" -> Boolean.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            default -> null;
        };
    }
}
