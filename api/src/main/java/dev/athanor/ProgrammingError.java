package dev.athanor;

/**
 * The SQL is wrong: a syntax error, an unknown table or column, missing privileges (SQLState class 42).
 *
 * {@snippet :
 * conn.execute(text("SELEC 1")); // ProgrammingError
 * }
 */
public class ProgrammingError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public ProgrammingError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("ProgrammingError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
