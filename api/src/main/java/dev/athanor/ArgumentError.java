package dev.athanor;

/**
 * A method was called with arguments it cannot use: an unknown bind parameter, a missing value, a value that
 * cannot be converted to the requested type. Raised before anything is sent to the database.
 *
 * {@snippet :
 * text("SELECT * FROM t WHERE x = :x").bindParams(Map.of("y", 1)); // ArgumentError: no bind parameter named 'y'
 * }
 */
public class ArgumentError extends AthanorException {
    private static final long serialVersionUID = 1L;

    public ArgumentError(String message) {
        super(message);
    }

    public ArgumentError(String message, Throwable cause) {
        super(message, cause);
    }

    public ArgumentError(String message, Throwable cause, String code) {
        super(message, cause, code);
    }
}
