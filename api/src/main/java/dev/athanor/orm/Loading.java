package dev.athanor.orm;

/**
 * Loader options (SQLAlchemy's {@code sqlalchemy.orm} loader functions), used statically:
 * {@code import static dev.athanor.orm.Loading.*;}. {@link #undefer} loads a column declared
 * {@code @Column(deferred = true)} together with its entity, in the same statement.
 *
 * {@snippet :
 * User user = session.scalars(select(User.class).options(undefer(User_.description))).one();  // one statement
 * }
 */
public final class Loading {
    private Loading() {
    }

    /** A deferred column loaded with the entity. */
    public record ColumnLoading(ColumnAttribute<?, ?> attribute) implements LoaderOption {
    }

    /** Loads a column declared {@code deferred = true} together with its entity. */
    public static LoaderOption undefer(ColumnAttribute<?, ?> attribute) {
        return new ColumnLoading(attribute);
    }
}
