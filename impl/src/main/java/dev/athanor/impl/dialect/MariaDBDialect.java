package dev.athanor.impl.dialect;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB (and MySQL through the MariaDB driver): back-tick quoting, DATETIME(6) for timestamps (with time zone
 * values stored in UTC, as MariaDB has no zoned type), native UUID (10.7+), and the vendor codes MariaDB reports
 * under the generic SQLState {@code HY000}.
 */
public final class MariaDBDialect extends Dialect {
    public static final MariaDBDialect INSTANCE = new MariaDBDialect();

    private MariaDBDialect() {
    }

    @Override
    public String name() {
        return "mariadb";
    }

    @Override
    public Map<String, String> defaultConnectProperties() {
        // Bulk protocol (COM_STMT_BULK_EXECUTE): an executemany is one round trip.
        return Map.of("useBulkStmts", "true", "useBulkStmtsForInserts", "true");
    }

    /** The bulk protocol answers SUCCESS_NO_INFO for each row of an UPDATE or DELETE batch. */
    @Override
    public boolean batchRowcountsPerRow() {
        return false;
    }

    @Override
    public boolean supportsReturning() {
        return true; // INSERT and DELETE ... RETURNING since 10.5
    }

    @Override
    public boolean supportsUpdateReturning() {
        return false;
    }

    @Override
    public String identityClause() {
        return " AUTO_INCREMENT";
    }

    @Override
    public String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + quoteIdentifier(table) + " DROP FOREIGN KEY " + quoteIdentifier(name);
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    @Override
    public UpsertStyle upsertStyle() {
        return UpsertStyle.ON_DUPLICATE_KEY;
    }

    @Override
    public boolean supportsNullsOrdering() {
        return false;
    }

    @Override
    public boolean supportsIlike() {
        return false;
    }

    @Override
    public boolean supportsConcatOperator() {
        return false; // || is OR unless sql_mode has PIPES_AS_CONCAT
    }

    @Override
    public boolean excludedAsValuesFunction() {
        return true;
    }

    @Override
    public String emptyInsertValues() {
        return " () VALUES ()";
    }

    /** MariaDB's CAST takes its own type names. */
    @Override
    public String castType(dev.athanor.schema.SqlType<?> type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, BOOLEAN -> "SIGNED";
            case VARCHAR, TEXT, ENUM, UUID, JSON, NULL -> "CHAR";
            case NUMERIC -> type.precision() == null ? "DECIMAL(65, 30)"
                    : "DECIMAL(" + type.precision() + ", " + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL, DOUBLE -> "DOUBLE";
            case DATE -> "DATE";
            case TIME -> "TIME(6)";
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "DATETIME(6)";
            case BINARY, BLOB -> "BINARY";
        };
    }

    @Override
    protected char identifierQuote() {
        return '`';
    }

    @Override
    protected Set<String> reservedWords() {
        return ReservedWords.MARIADB;
    }

    @Override
    public String ddlType(TypeKind kind, Integer length, Integer precision, Integer scale) {
        return switch (kind) {
            case BOOLEAN -> "BOOLEAN";
            case TEXT -> "LONGTEXT";
            case DOUBLE -> "DOUBLE";
            case TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> "DATETIME(6)";
            case TIME -> "TIME(6)";
            case JSON -> "JSON";
            case BLOB -> "LONGBLOB";
            default -> super.ddlType(kind, length, precision, scale);
        };
    }

    /** Zoned values are stored as UTC DATETIME: MariaDB has no zoned timestamp type. */
    @Override
    public Object toJdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return super.toJdbcValue(value);
    }

    /**
     * No MariaDB column type stores NaN or an infinity, and the driver's client-side preparation would write them
     * unquoted into the statement ({@code Unknown column 'NaN'}): they are refused before sending.
     */
    @Override
    public boolean storesNonFiniteFloats() {
        return false;
    }

    /** Server gone (2006), lost during a query (2013), connection killed (1927), server shutting down (1053). */
    @Override
    public boolean isDisconnect(java.sql.SQLException error) {
        int code = error.getErrorCode();
        return code == 2006 || code == 2013 || code == 1927 || code == 1053 || super.isDisconnect(error);
    }

    @Override
    public ErrorKind classify(String sqlState, int vendorCode) {
        return switch (vendorCode) {
            case 1205, 1213, 1927, 2006, 2013, 1053, 1317 -> ErrorKind.OPERATIONAL; // lock wait, deadlock, killed, gone
            case 1364, 1048, 1062, 1451, 1452, 1557, 1586, 4025 -> ErrorKind.INTEGRITY;
            case 1264, 1265, 1292, 1366, 1406 -> ErrorKind.DATA;
            case 1054, 1064, 1146, 1049, 1050, 1051, 1091, 1142, 1149 -> ErrorKind.PROGRAMMING;
            default -> super.classify(sqlState, vendorCode);
        };
    }
}
