package dev.athanor.orm.mapping;

/**
 * The SQL type of a mapped column, when the Java type does not say it ({@code @Column(type = SqlType.TEXT)}). Each
 * constant stands for the Core type of the same name in {@link dev.athanor.schema.SqlTypes}.
 *
 * {@snippet :
 * @Column(type = SqlType.JSON) public List<String> tags;   // JSONB on PostgreSQL, JSON on H2 and MariaDB
 * }
 */
public enum SqlType {
    /** Derived from the Java type. */
    AUTO,
    VARCHAR,
    TEXT,
    SMALLINT,
    INTEGER,
    BIGINT,
    BOOLEAN,
    REAL,
    DOUBLE,
    NUMERIC,
    DATE,
    TIME,
    TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE,
    UUID,
    BLOB,
    /** A JSON document: records, lists, maps and beans are written and read with Jackson. */
    JSON,
    /** A native enum type (MariaDB {@code ENUM(...)}; elsewhere VARCHAR with a CHECK). */
    NATIVE_ENUM
}
