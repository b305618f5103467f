package dev.athanor.orm;

/**
 * A text column attribute: {@code User_.name.like("j%")}, {@code User_.name.ilike(...)}, {@code User_.name.concat(...)}.
 *
 * {@snippet :
 * select(User.class).where(User_.name.startsWith("sponge"));
 * }
 *
 * @param <E> the entity class
 */
public final class StringAttribute<E> extends ColumnAttribute<E, String> {

    public StringAttribute(Class<E> entityType, String name) {
        super(entityType, name, String.class);
    }
}
