package dev.athanor;

/**
 * The database could not do the work for a reason outside the SQL: lost connection, shut down, deadlock, serialization failure, lock or statement time-out (SQLState classes 08, 40, 53, 57, ...). Usually worth a retry on a new transaction.
 *
 * {@snippet :
 * catch (OperationalError e) { retry(); }
 * }
 */
public class OperationalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public OperationalError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("OperationalError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
