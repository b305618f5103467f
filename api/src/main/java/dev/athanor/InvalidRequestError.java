package dev.athanor;

/**
 * The call is not valid in the current state of the object: a transaction already begun, a result already closed,
 * a row count that does not match. As SQLAlchemy's {@code InvalidRequestError}.
 *
 * {@snippet :
 * conn.execute(text("SELECT 1"));
 * conn.begin(); // InvalidRequestError: a transaction is already begun (autobegin)
 * }
 */
public class InvalidRequestError extends AthanorException {
    private static final long serialVersionUID = 1L;

    public InvalidRequestError(String message) {
        super(message);
    }

    public InvalidRequestError(String message, Throwable cause, String code) {
        super(message, cause, code);
    }
}
