package dev.athanor.schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The SQL types, as constants and factories (SQLAlchemy's {@code sqlalchemy.types}); import them statically.
 *
 * {@snippet :
 * import static dev.athanor.schema.SqlTypes.*;
 *
 * column("price", numeric(10, 2)).nullable(false);
 * column("tags", JSON);
 * }
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    public static final SqlType<Short> SMALLINT = simple(SqlType.Kind.SMALLINT, Short.class);
    public static final SqlType<Integer> INTEGER = simple(SqlType.Kind.INTEGER, Integer.class);
    public static final SqlType<Long> BIGINT = simple(SqlType.Kind.BIGINT, Long.class);
    public static final SqlType<Boolean> BOOLEAN = simple(SqlType.Kind.BOOLEAN, Boolean.class);
    /** VARCHAR without a length (PostgreSQL and H2 allow it; MariaDB DDL uses 255). */
    public static final SqlType<String> VARCHAR = simple(SqlType.Kind.VARCHAR, String.class);
    public static final SqlType<String> TEXT = simple(SqlType.Kind.TEXT, String.class);
    public static final SqlType<BigDecimal> NUMERIC = simple(SqlType.Kind.NUMERIC, BigDecimal.class);
    public static final SqlType<Float> REAL = simple(SqlType.Kind.REAL, Float.class);
    public static final SqlType<Double> DOUBLE = simple(SqlType.Kind.DOUBLE, Double.class);
    public static final SqlType<LocalDate> DATE = simple(SqlType.Kind.DATE, LocalDate.class);
    public static final SqlType<LocalTime> TIME = simple(SqlType.Kind.TIME, LocalTime.class);
    public static final SqlType<LocalDateTime> TIMESTAMP = simple(SqlType.Kind.TIMESTAMP, LocalDateTime.class);
    public static final SqlType<OffsetDateTime> TIMESTAMP_WITH_TIME_ZONE =
            simple(SqlType.Kind.TIMESTAMP_WITH_TIME_ZONE, OffsetDateTime.class);
    public static final SqlType<UUID> UUID = simple(SqlType.Kind.UUID, UUID.class);
    /** JSON text (JSONB on PostgreSQL); values are JSON strings at the Core level. */
    public static final SqlType<String> JSON = simple(SqlType.Kind.JSON, String.class);
    public static final SqlType<byte[]> BLOB = simple(SqlType.Kind.BLOB, byte[].class);
    /** The type of values the expression language could not infer. */
    public static final SqlType<Object> NULLTYPE = simple(SqlType.Kind.NULL, Object.class);

    /** {@code VARCHAR(length)}. */
    public static SqlType<String> varchar(int length) {
        return new SqlType<>(SqlType.Kind.VARCHAR, String.class, positive("length", length), null, null, false);
    }

    /** {@code NUMERIC(precision, scale)}. */
    public static SqlType<BigDecimal> numeric(int precision, int scale) {
        return new SqlType<>(SqlType.Kind.NUMERIC, BigDecimal.class, null, positive("precision", precision), scale,
                false);
    }

    /** {@code VARBINARY(length)} ({@code BYTEA} on PostgreSQL). */
    public static SqlType<byte[]> binary(int length) {
        return new SqlType<>(SqlType.Kind.BINARY, byte[].class, positive("length", length), null, null, false);
    }

    /** An enum stored by name in a VARCHAR as long as the longest constant. */
    public static <E extends Enum<E>> SqlType<E> enumType(Class<E> type) {
        return new SqlType<>(SqlType.Kind.ENUM, type, longestName(type), null, null, false);
    }

    /** An enum as a native ENUM type where the database has one (PostgreSQL, MariaDB), else VARCHAR. */
    public static <E extends Enum<E>> SqlType<E> nativeEnumType(Class<E> type) {
        return new SqlType<>(SqlType.Kind.ENUM, type, longestName(type), null, null, true);
    }

    /** The type Athanor infers for a Java value bound into a statement; {@link #NULLTYPE} when unknown. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static SqlType<?> forValue(Object value) {
        if (value == null) {
            return NULLTYPE;
        }
        if (value instanceof String) {
            return VARCHAR;
        }
        if (value instanceof Integer) {
            return INTEGER;
        }
        if (value instanceof Long) {
            return BIGINT;
        }
        if (value instanceof Short) {
            return SMALLINT;
        }
        if (value instanceof Boolean) {
            return BOOLEAN;
        }
        if (value instanceof BigDecimal) {
            return NUMERIC;
        }
        if (value instanceof Double) {
            return DOUBLE;
        }
        if (value instanceof Float) {
            return REAL;
        }
        if (value instanceof LocalDate) {
            return DATE;
        }
        if (value instanceof LocalTime) {
            return TIME;
        }
        if (value instanceof LocalDateTime) {
            return TIMESTAMP;
        }
        if (value instanceof OffsetDateTime || value instanceof java.time.Instant) {
            return TIMESTAMP_WITH_TIME_ZONE;
        }
        if (value instanceof java.util.UUID) {
            return UUID;
        }
        if (value instanceof byte[]) {
            return BLOB;
        }
        if (value instanceof Enum<?> e) {
            return enumType((Class) e.getDeclaringClass());
        }
        return NULLTYPE;
    }

    private static <T> SqlType<T> simple(SqlType.Kind kind, Class<T> type) {
        return new SqlType<>(kind, type, null, null, null, false);
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new dev.athanor.ArgumentError(name + " must be positive, was " + value);
        }
        return value;
    }

    private static int longestName(Class<? extends Enum<?>> type) {
        int longest = 1;
        for (Enum<?> constant : type.getEnumConstants()) {
            longest = Math.max(longest, constant.name().length());
        }
        return longest;
    }
}
