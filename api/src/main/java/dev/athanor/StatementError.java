package dev.athanor;

/**
 * An error raised while a statement ran; carries the SQL and a display of its parameters (values of parameters
 * whose names suggest secrets, such as {@code password} or {@code token}, are masked; all values are hidden when the
 * engine was built with {@code hideParameters(true)}).
 *
 * {@snippet :
 * catch (StatementError e) { log.error("failed: {} with {}", e.sql(), e.parameters()); }
 * }
 */
public class StatementError extends AthanorException {
    private static final long serialVersionUID = 1L;

    private final String sql;
    private final String parameters;

    public StatementError(String message, String sql, String parameters, Throwable cause) {
        super(describe(message, sql, parameters), cause);
        this.sql = sql;
        this.parameters = parameters;
    }

    private static String describe(String message, String sql, String parameters) {
        StringBuilder text = new StringBuilder(message);
        if (sql != null) {
            text.append("\n[SQL: ").append(sql).append(']');
        }
        if (parameters != null && !parameters.isEmpty()) {
            text.append("\n[parameters: ").append(parameters).append(']');
        }
        return text.toString();
    }

    /** The SQL of the statement that failed, as written (with {@code :name} binds for text SQL). */
    public String sql() {
        return sql;
    }

    /** A display of the parameters, with secrets masked; empty when there were none. */
    public String parameters() {
        return parameters;
    }
}
