package dev.athanor;

/**
 * A constraint was violated: unique, primary key, foreign key, not null or check (SQLState class 23).
 *
 * {@snippet :
 * conn.execute(text("INSERT INTO users (id) VALUES (1)")); // twice: IntegrityError naming the constraint
 * }
 */
public class IntegrityError extends DatabaseError {
    private static final long serialVersionUID = 1L;

    public IntegrityError(String message, String sql, String parameters, String sqlState, int vendorCode, Throwable cause) {
        super("IntegrityError", message, sql, parameters, sqlState, vendorCode, cause);
    }
}
