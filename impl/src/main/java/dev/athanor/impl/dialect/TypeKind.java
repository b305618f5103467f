package dev.athanor.impl.dialect;

/** The generic SQL types a dialect renders in DDL (see {@link Dialect#ddlType}). */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT, BOOLEAN, VARCHAR, TEXT, NUMERIC, REAL, DOUBLE, DATE, TIME, TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE, UUID, JSON, BINARY, BLOB
}
