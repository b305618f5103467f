package dev.athanor.schema;

import java.util.Objects;

/**
 * A SQL column type and the Java type its values have (SQLAlchemy's {@code TypeEngine}). Immutable; the common ones
 * are constants of {@link SqlTypes}, the parameterized ones come from its factories ({@code varchar(30)},
 * {@code numeric(10, 2)}, {@code enumType(Color.class)}).
 *
 * {@snippet :
 * Table users = metadata.table("users",
 *         column("id", SqlTypes.INTEGER).primaryKey(),
 *         column("name", SqlTypes.varchar(30)));
 * }
 *
 * @param kind      the generic kind, rendered per dialect in DDL
 * @param javaType  the Java type of values
 * @param length    VARCHAR/BINARY length, or null
 * @param precision NUMERIC precision, or null
 * @param scale     NUMERIC scale, or null
 * @param nativeEnum for enums: a native ENUM type where the database has one (PostgreSQL, MariaDB), else VARCHAR
 * @param <T> the Java type of values
 */
public record SqlType<T>(Kind kind, Class<T> javaType, Integer length, Integer precision, Integer scale,
        boolean nativeEnum) {

    /** The generic kinds of SQL types. */
    public enum Kind {
        SMALLINT, INTEGER, BIGINT, BOOLEAN, VARCHAR, TEXT, NUMERIC, REAL, DOUBLE, DATE, TIME, TIMESTAMP,
        TIMESTAMP_WITH_TIME_ZONE, UUID, JSON, BINARY, BLOB, ENUM,
        /** A type the expression language could not infer (a bind of an unknown value, a function result). */
        NULL
    }

    public SqlType {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(javaType, "javaType");
    }

    /**
     * Whether a Java value can be bound where this type is expected: numbers for numeric types, text for text
     * types, the {@code java.time} kinds for dates and times, and so on. Unknown types accept anything.
     */
    public boolean accepts(Object value) {
        if (value == null || kind == Kind.NULL || javaType.isInstance(value)) {
            return true;
        }
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case VARCHAR, TEXT -> value instanceof CharSequence || value instanceof Enum<?> || value instanceof Character
                    || value instanceof java.util.UUID;
            case ENUM -> value instanceof CharSequence || value instanceof Enum<?>;
            case JSON -> value instanceof CharSequence;
            case UUID -> value instanceof CharSequence || value instanceof java.util.UUID;
            case DATE -> value instanceof java.time.LocalDate || value instanceof java.sql.Date;
            case TIME -> value instanceof java.time.LocalTime || value instanceof java.sql.Time;
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> value instanceof java.time.temporal.Temporal
                    || value instanceof java.util.Date;
            case BINARY, BLOB -> value instanceof byte[];
            case NULL -> true;
        };
    }

    /** Whether values of this type take arithmetic ({@code plus}, {@code minus}, ...). */
    public boolean isNumeric() {
        return switch (kind) {
            case SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    /** Whether values are text ({@code like}, concatenation). */
    public boolean isText() {
        return kind == Kind.VARCHAR || kind == Kind.TEXT || kind == Kind.ENUM;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + (length == null ? "" : length) + ")";
            case BINARY -> "BINARY(" + (length == null ? "" : length) + ")";
            case NUMERIC -> precision == null ? "NUMERIC" : "NUMERIC(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case ENUM -> "ENUM(" + javaType.getSimpleName() + ")";
            default -> kind.name().replace('_', ' ');
        };
    }
}
