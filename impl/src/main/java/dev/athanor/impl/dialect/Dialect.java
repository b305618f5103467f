package dev.athanor.impl.dialect;

import java.sql.Array;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What differs between databases, in one place (SQLAlchemy's {@code Dialect}): identifier quoting, DDL type names,
 * driver defaults, how values are bound and read, and how error codes map to exception classes. Stateless and
 * shared; one instance per database kind.
 */
public abstract class Dialect {

    /** {@code h2}, {@code postgresql} or {@code mariadb}. */
    public abstract String name();

    /** Driver properties this dialect sets unless the user set them (e.g. batch rewriting). */
    public Map<String, String> defaultConnectProperties() {
        return Map.of();
    }

    /** Whether INSERT/UPDATE/DELETE ... RETURNING is available. */
    public abstract boolean supportsReturning();

    /**
     * Whether generated keys are asked for by column name ({@code prepareStatement(sql, String[])}); otherwise with
     * {@code RETURN_GENERATED_KEYS}. PostgreSQL's driver would otherwise return every column.
     */
    public boolean generatedKeysByName() {
        return false;
    }

    /**
     * How many rows the ORM puts in one multi-row {@code INSERT ... VALUES (...), (...) RETURNING key} when it needs
     * generated keys (SQLAlchemy's "insertmanyvalues"); 0 to use a JDBC batch with {@code getGeneratedKeys} instead.
     * PostgreSQL's driver cannot rewrite a batch into multi-row INSERTs when keys are asked for, so the ORM does.
     */
    public int insertManyValuesRows() {
        return 0;
    }

    /**
     * The element type name for a {@code = ANY(?)} array parameter of this column kind, or null when the dialect has
     * no arrays (then the ORM sends an {@code IN (?, ?, ...)} list).
     */
    public String arrayElementType(dev.athanor.schema.SqlType.Kind kind) {
        if (!hasArrays()) {
            return null;
        }
        return switch (kind) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case VARCHAR, TEXT -> "varchar";
            case UUID -> "uuid";
            default -> null;
        };
    }

    /** Whether {@code createArrayOf} and {@code = ANY(?)} work (PostgreSQL, H2). */
    protected boolean hasArrays() {
        return false;
    }

    /** Whether a batch of UPDATE/DELETE reports a count per row (else versioned rows go one by one). */
    public boolean batchRowcountsPerRow() {
        return true;
    }

    /** How an INSERT resolves conflicts: ON CONFLICT (PostgreSQL), ON DUPLICATE KEY (MariaDB) or MERGE (H2). */
    public enum UpsertStyle { ON_CONFLICT, ON_DUPLICATE_KEY, MERGE }

    public abstract UpsertStyle upsertStyle();

    /** Whether UPDATE ... RETURNING exists (MariaDB has RETURNING for INSERT and DELETE only). */
    public boolean supportsUpdateReturning() {
        return supportsReturning();
    }

    /** Whether {@code SELECT ... FROM FINAL TABLE (INSERT ...)} can stand in for RETURNING (H2). */
    public boolean supportsDeltaTables() {
        return false;
    }

    /** Whether ORDER BY takes NULLS FIRST / NULLS LAST. */
    public boolean supportsNullsOrdering() {
        return true;
    }

    /** Whether ILIKE exists (else {@code lower(x) LIKE lower(y)}). */
    public boolean supportsIlike() {
        return true;
    }

    /** Whether {@code ||} concatenates strings (else {@code CONCAT()}). */
    public boolean supportsConcatOperator() {
        return true;
    }

    /** Whether an upsert refers to the proposed row as {@code VALUES(col)} (MariaDB) rather than {@code excluded.col}. */
    public boolean excludedAsValuesFunction() {
        return false;
    }

    /** Whether paging is written {@code OFFSET n ROWS FETCH FIRST m ROWS ONLY} rather than {@code LIMIT m OFFSET n}. */
    public boolean standardPaging() {
        return false;
    }

    /** The SQL of an INSERT of no column at all: every column takes its default. */
    public String emptyInsertValues() {
        return " DEFAULT VALUES";
    }

    /**
     * Whether a bound value used as a function argument needs {@code CAST(? AS type)}: H2 cannot infer the type of
     * a bare parameter there ({@code abs(?)}: "Unknown data type").
     */
    public boolean castsFunctionArgumentBinds() {
        return false;
    }

    /** The DDL name of an API type. */
    public String ddlType(dev.athanor.schema.SqlType<?> type) {
        if (type.kind() == dev.athanor.schema.SqlType.Kind.ENUM) {
            return ddlType(TypeKind.VARCHAR, type.length(), null, null);
        }
        if (type.kind() == dev.athanor.schema.SqlType.Kind.NULL) {
            return ddlType(TypeKind.VARCHAR, null, null, null);
        }
        return ddlType(TypeKind.valueOf(type.kind().name()), type.length(), type.precision(), type.scale());
    }

    /** The type name CAST(... AS type) takes. */
    public String castType(dev.athanor.schema.SqlType<?> type) {
        return ddlType(type);
    }

    /** What follows the type of an integer primary key the database generates. */
    public String identityClause() {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    /** The DDL of a native enum column, or null where the database has none (then VARCHAR with a CHECK). */
    public String nativeEnumType(java.util.List<String> constants) {
        StringBuilder type = new StringBuilder("ENUM(");
        for (int i = 0; i < constants.size(); i++) {
            type.append(i == 0 ? "'" : ", '").append(constants.get(i).replace("'", "''")).append('\'');
        }
        return type.append(')').toString();
    }

    /** {@code ALTER TABLE t DROP CONSTRAINT name} for a foreign key. */
    public String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP CONSTRAINT " + quoteIdentifier(name);
    }

    /** The longest identifier the database takes. */
    public int maxIdentifierLength() {
        return 63;
    }

    /** The character that opens and closes a quoted identifier. */
    protected char identifierQuote() {
        return '"';
    }

    /** Words that must be quoted when used as identifiers. */
    protected Set<String> reservedWords() {
        return ReservedWords.COMMON;
    }

    /** Whether {@code identifier} must be quoted: not a plain lower-case name, or a reserved word. */
    public boolean requiresQuotes(String identifier) {
        return !isPlainLowerCase(identifier) || reservedWords().contains(identifier);
    }

    /**
     * Whether {@code identifier} is written in lower case letters, digits and underscores only, starting with a
     * letter or an underscore: a case-insensitive name (SQLAlchemy's test for "no illegal characters").
     */
    static boolean isPlainLowerCase(String identifier) {
        if (identifier.isEmpty() || !(Character.isLowerCase(identifier.charAt(0)) || identifier.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < identifier.length(); i++) {
            char c = identifier.charAt(i);
            if (!(Character.isLowerCase(c) || Character.isDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the database folds unquoted names to upper case (H2, as the SQL standard says) rather than to lower case
     * (PostgreSQL) or not at all (MariaDB, which compares table names as the file system does).
     */
    protected boolean foldsToUpperCase() {
        return false;
    }

    /**
     * {@code identifier} quoted if it must be, with embedded quote characters doubled. On a database that folds to
     * upper case, a case-insensitive name that must be quoted only because it is a reserved word ({@code groups}) is
     * sent in the folded case ({@code "GROUPS"}), so that it names the same table as unquoted DDL
     * ({@code CREATE TABLE groups}) would: SQLAlchemy's {@code denormalize_name}. Names with real case
     * ({@code "MyTable"}) or other characters ({@code "my table"}) are sent as written.
     */
    public String quoteIdentifier(String identifier) {
        if (!requiresQuotes(identifier)) {
            return identifier;
        }
        String name = foldsToUpperCase() && isPlainLowerCase(identifier) ? identifier.toUpperCase(Locale.ROOT)
                : identifier;
        String q = String.valueOf(identifierQuote());
        return q + name.replace(q, q + q) + q;
    }

    /**
     * The SQL for a bind whose value is JSON text going into a JSON column: H2 needs {@code ? FORMAT JSON} (else the
     * text is stored as a JSON string), PostgreSQL a cast to {@code JSONB}.
     */
    public String jsonBindExpression() {
        return "?";
    }

    /** The DDL name of a generic type. */
    public String ddlType(TypeKind kind, Integer length, Integer precision, Integer scale) {
        return switch (kind) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            case VARCHAR -> "VARCHAR(" + (length == null ? 255 : length) + ")";
            case TEXT -> "TEXT";
            case NUMERIC -> precision == null ? "NUMERIC"
                    : "NUMERIC(" + precision + (scale == null ? "" : ", " + scale) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case JSON -> "JSON";
            case BINARY -> "VARBINARY(" + (length == null ? 255 : length) + ")";
            case BLOB -> "BLOB";
        };
    }

    /**
     * The value to hand to {@code setObject} for a Java value the driver may not take as it is. Called only for
     * values that are not String, Integer or Long (those are bound directly).
     */
    public Object toJdbcValue(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        if (value instanceof java.util.Date date && !(value instanceof java.sql.Date
                || value instanceof java.sql.Time || value instanceof java.sql.Timestamp)) {
            return new java.sql.Timestamp(date.getTime());
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        if (value instanceof java.math.BigInteger big) {
            return new java.math.BigDecimal(big);
        }
        return value;
    }

    /**
     * Whether NaN and the infinities of {@code double}/{@code float} may be sent: true where some column type stores
     * them and the database itself refuses them elsewhere with a SQLState 22 error (PostgreSQL, H2); false where no
     * type can (MariaDB), so that they are refused before sending (docs/errors.md#non-finite).
     */
    public boolean storesNonFiniteFloats() {
        return true;
    }

    /** Whether text columns hold the NUL character (U+0000); PostgreSQL's do not. */
    public boolean storesNulCharacters() {
        return true;
    }

    /** The reader of a result column, from its JDBC type and the database's type name. */
    public ColumnReader columnReader(int jdbcType, String typeName) {
        // No lower-casing of every column's type name: only the few types whose reader depends on the name look at it.
        if ("json".equalsIgnoreCase(typeName) || "jsonb".equalsIgnoreCase(typeName)) {
            return ResultSet::getString;
        }
        return switch (jdbcType) {
            case Types.TIMESTAMP -> withZone(typeName) ? TypedReader.OFFSET_DATE_TIME : TypedReader.LOCAL_DATE_TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TypedReader.OFFSET_DATE_TIME;
            case Types.DATE -> TypedReader.LOCAL_DATE;
            case Types.TIME -> withZone(typeName) ? TypedReader.OFFSET_TIME : TypedReader.LOCAL_TIME;
            case Types.TIME_WITH_TIMEZONE -> TypedReader.OFFSET_TIME;
            case Types.CLOB, Types.NCLOB -> Dialect::readClob;
            case Types.BLOB -> ResultSet::getBytes;
            case Types.ARRAY -> Dialect::readArray;
            case Types.INTEGER -> typedReaders() ? TypedReader.INT : ColumnReader.OBJECT;
            case Types.BIGINT -> typedReaders() ? TypedReader.LONG : ColumnReader.OBJECT;
            case Types.VARCHAR -> typedReaders() ? TypedReader.STRING : ColumnReader.OBJECT;
            case Types.BOOLEAN -> typedReaders() ? TypedReader.BOOLEAN : ColumnReader.OBJECT;
            // PostgreSQL reports its bool as BIT (and bit(n) too, which getObject does not read as a Boolean)
            case Types.BIT -> typedReaders() && "bool".equalsIgnoreCase(typeName) ? TypedReader.BOOLEAN
                    : ColumnReader.OBJECT;
            default -> ColumnReader.OBJECT;
        };
    }

    /**
     * Whether INTEGER, BIGINT, VARCHAR and BOOLEAN columns are read with the driver's typed getters
     * ({@link TypedReader}): only where {@code getObject} gives exactly {@code Integer}, {@code Long}, {@code String}
     * and {@code Boolean} for them, whatever the column's details.
     */
    protected boolean typedReaders() {
        return false;
    }

    /** Whether a TIMESTAMP or TIME type name says "with time zone" ({@code timestamptz}, {@code timetz}, ...). */
    private static boolean withZone(String typeName) {
        if (typeName == null) {
            return false;
        }
        String type = typeName.toLowerCase(Locale.ROOT);
        return type.contains("tz") || type.contains("time zone");
    }

    /**
     * Column labels as the user should see them. Databases that fold unquoted names to upper case (H2) override
     * this so that {@code keys()} reads {@code id}, not {@code ID}, as SQLAlchemy does for such databases.
     */
    public String normalizeLabel(String label) {
        return label;
    }

    /** The exception class for an error; vendor codes first (dialects override), then the SQLState class. */
    public ErrorKind classify(String sqlState, int vendorCode) {
        if (sqlState == null || sqlState.length() < 2) {
            return ErrorKind.DATABASE;
        }
        if (sqlState.startsWith("HYT")) {
            return ErrorKind.OPERATIONAL; // time-outs (H2 lock time-out, driver query time-outs)
        }
        return switch (sqlState.substring(0, 2)) {
            case "23", "44" -> ErrorKind.INTEGRITY;
            case "22" -> ErrorKind.DATA;
            case "42", "3D", "3F", "21", "26", "2B", "34" -> ErrorKind.PROGRAMMING;
            case "08", "40", "53", "54", "55", "57", "58", "28", "HZ" -> ErrorKind.OPERATIONAL;
            case "XX", "25", "2D" -> ErrorKind.INTERNAL;
            case "0A" -> ErrorKind.NOT_SUPPORTED;
            default -> ErrorKind.DATABASE;
        };
    }

    /**
     * Whether {@code error} means the connection is gone (SQLAlchemy's {@code is_disconnect}): a connection-class
     * SQLState (08), the administrator or a crash ending the session (PostgreSQL's 57P01-57P03), or a driver
     * exception of the connection kind. Dialects add their vendor codes.
     */
    public boolean isDisconnect(java.sql.SQLException error) {
        String state = error.getSQLState();
        return error instanceof java.sql.SQLRecoverableException
                || error instanceof java.sql.SQLNonTransientConnectionException
                || error instanceof java.sql.SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                        || state.equals("57P03")));
    }

    /**
     * Whether {@code error} says a server-side prepared statement no longer fits its table (another session changed
     * the table's columns since it was prepared), so that preparing it again would succeed. Only PostgreSQL says so.
     */
    public boolean isStalePreparedStatement(java.sql.SQLException error) {
        return false;
    }

    private static Object readClob(ResultSet rs, int i) throws java.sql.SQLException {
        Clob clob = rs.getClob(i);
        if (clob == null) {
            return null;
        }
        try {
            return clob.getSubString(1, (int) clob.length());
        } finally {
            clob.free();
        }
    }

    private static Object readArray(ResultSet rs, int i) throws java.sql.SQLException {
        Array array = rs.getArray(i);
        if (array == null) {
            return null;
        }
        try {
            Object values = array.getArray();
            return values instanceof Object[] objects ? Arrays.asList(objects) : values;
        } finally {
            array.free();
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
