package dev.athanor.impl.dialect;

import java.util.Set;

import java.util.Map;

/** PostgreSQL: {@code reWriteBatchedInserts} on by default so executemany INSERTs go out as multi-row VALUES. */
public final class PostgreSQLDialect extends Dialect {
    /**
     * pgJDBC's {@code getObject} picks its getter from the column's type (the same the metadata reports) and reads
     * int4, int8, text/varchar and bool as exactly Integer, Long, String and Boolean. (H2 does not qualify: its
     * {@code getObject} gives the value's own type, which can differ from the column's reported one, as in a
     * recursive CTE's literal column.)
     */
    @Override
    protected boolean typedReaders() {
        return true;
    }

    public static final PostgreSQLDialect INSTANCE = new PostgreSQLDialect();

    private PostgreSQLDialect() {
    }

    @Override
    protected Set<String> reservedWords() {
        return ReservedWords.POSTGRESQL;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public Map<String, String> defaultConnectProperties() {
        return Map.of("reWriteBatchedInserts", "true");
    }

    @Override
    protected boolean hasArrays() {
        return true;
    }

    @Override
    public int insertManyValuesRows() {
        return 1000;
    }

    @Override
    public boolean generatedKeysByName() {
        return true;
    }

    @Override
    public boolean supportsReturning() {
        return true;
    }

    /** PostgreSQL enums need CREATE TYPE; Athanor uses VARCHAR with a CHECK instead. */
    @Override
    public String nativeEnumType(java.util.List<String> constants) {
        return null;
    }

    @Override
    public boolean standardPaging() {
        return true;
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_CONFLICT;
    }

    @Override
    public String jsonBindExpression() {
        return "CAST(? AS JSONB)";
    }

    /** PostgreSQL text cannot hold U+0000 (the server answers 22021); refused before sending, naming the parameter. */
    @Override
    public boolean storesNulCharacters() {
        return false;
    }

    @Override
    public String ddlType(TypeKind kind, Integer length, Integer precision, Integer scale) {
        return switch (kind) {
            case JSON -> "JSONB";
            case BINARY, BLOB -> "BYTEA";
            default -> super.ddlType(kind, length, precision, scale);
        };
    }

    /**
     * "cached plan must not change result type" (0A000): the server refuses to run a prepared statement whose result
     * columns changed (ALTER TABLE by another session); pgJDBC then drops its server-side statements, so the next
     * execution prepares again.
     */
    @Override
    public boolean isStalePreparedStatement(java.sql.SQLException error) {
        String message = error.getMessage();
        return "0A000".equals(error.getSQLState()) && message != null
                && message.contains("cached plan must not change result type");
    }
}
