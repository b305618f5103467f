package dev.athanor;

/**
 * An operation on a closed object: a closed {@link Connection}, an exhausted or closed {@link Result}, a disposed
 * {@link Engine}, or a result that returns no rows.
 *
 * {@snippet :
 * Connection conn = engine.connect();
 * conn.close();
 * conn.execute(text("SELECT 1")); // ResourceClosedError: this connection is closed
 * }
 */
public class ResourceClosedError extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public ResourceClosedError(String message) {
        super(message, null, "resource-closed");
    }
}
