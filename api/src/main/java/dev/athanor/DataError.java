package dev.athanor;

/**
 * A value does not fit its column or cannot be converted: too long, out of range, bad format (SQLState class 22).
 *
 * {@snippet :
 * conn.execute(text("INSERT INTO t (name) VALUES (:n)"), Map.of("n", "x".repeat(100))); // VARCHAR(10): DataError
 * }
 */
public class DataError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public DataError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("DataError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
