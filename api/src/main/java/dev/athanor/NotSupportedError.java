package dev.athanor;

/**
 * The database or driver does not support the feature used (SQLState class 0A).
 *
 * {@snippet :
 * catch (NotSupportedError e) { useFallback(); }
 * }
 */
public class NotSupportedError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public NotSupportedError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("NotSupportedError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
