package dev.athanor;

/**
 * {@code one()} or {@code scalarOne()} found no row.
 *
 * {@snippet :
 * conn.execute(text("SELECT id FROM users WHERE id = -1")).one(); // NoResultFound
 * }
 */
public class NoResultFound extends InvalidRequestError {
    private static final long serialVersionUID = 1L;

    public NoResultFound(String message) {
        super(message);
    }
}
