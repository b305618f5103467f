package dev.athanor;

/**
 * {@code one()}, {@code oneOrNull()} or {@code scalarOne()} found more than one row.
 *
 * {@snippet :
 * conn.execute(text("SELECT id FROM users")).one(); // MultipleResultsFound when there are two users
 * }
 */
public class MultipleResultsFound extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public MultipleResultsFound(String message) {
        super(message);
    }
}
