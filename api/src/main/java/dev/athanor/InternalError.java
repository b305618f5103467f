package dev.athanor;

/**
 * The database reported an internal error (SQLState class XX).
 *
 * {@snippet :
 * catch (InternalError e) { alertOperators(e); }
 * }
 */
public class InternalError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public InternalError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("InternalError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
