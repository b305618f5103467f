package dev.athanor;

/**
 * The root of every exception Athanor throws: unchecked, as SQLAlchemy's {@code SQLAlchemyError}.
 *
 * <p>Frequent errors carry a short {@link #code()} that names a section of {@code docs/errors.md}, where the
 * usual cause and fix are explained.
 *
 * {@snippet :
 * try (Connection conn = engine.connect()) {
 *     conn.execute(text("INSERT INTO users (id) VALUES (:id)"), Map.of("id", 1));
 * } catch (IntegrityError e) {
 *     log.warn("duplicate user: {}", e.sqlState());
 * }
 * }
 */
public class AthanorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public AthanorException(String message) {
        this(message, null, null);
    }

    public AthanorException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param code short error code, a section of {@code docs/errors.md}; may be null
     */
    public AthanorException(String message, Throwable cause, String code) {
        super(code == null ? message : message + " (error code: " + code + ", see docs/errors.md#" + code + ")", cause);
        this.code = code;
    }

    /** The short code of this error (a section of {@code docs/errors.md}), or null if it has none. */
    public String code() {
        return code;
    }
}
