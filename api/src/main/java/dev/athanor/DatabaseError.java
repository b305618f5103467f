package dev.athanor;

/**
 * The database (through its JDBC driver) reported an error. The SQLState decides the subclass:
 * {@link IntegrityError} (class 23), {@link DataError} (22), {@link ProgrammingError} (42 and friends),
 * {@link OperationalError} (08, 40, 53, 57, lock and statement time-outs), {@link InternalError} (XX),
 * {@link NotSupportedError} (0A). The driver's exception is the cause.
 *
 * {@snippet :
 * catch (DatabaseError e) { log.error("SQLState {} (vendor code {})", e.sqlState(), e.vendorCode()); }
 * }
 */
public class DatabaseError extends StatementError {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final int vendorCode;

    public DatabaseError(String message, String sql, String parameters, String sqlState, int vendorCode,
            Throwable cause) {
        this("DatabaseError", message, sql, parameters, sqlState, vendorCode, cause);
    }

    /** For subclasses: {@code kind} is the class's simple name, shown first in the message. */
    protected DatabaseError(String kind, String message, String sql, String parameters, String sqlState,
            int vendorCode, Throwable cause) {
        super("(" + kind + ") [SQLState " + sqlState + "] " + message, sql, parameters, cause);
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    /** The five-character SQLState the driver reported, or null if it gave none. */
    public String sqlState() {
        return sqlState;
    }

    /** The database's own error number (MariaDB's 1062, H2's 23505, ...), 0 if none. */
    public int vendorCode() {
        return vendorCode;
    }
}
