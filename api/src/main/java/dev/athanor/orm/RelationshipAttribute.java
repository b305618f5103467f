package dev.athanor.orm;

/**
 * A relationship attribute of the static metamodel ({@code User_.group}, {@code Group_.members}), used by loader
 * options such as {@code selectinLoad(Group_.members)}.
 *
 * {@snippet :
 * RelationshipAttribute<Group, User> members = Group_.members;
 * boolean many = members.isCollection();   // true
 * }
 *
 * @param <E> the entity class that has the relationship
 * @param <T> the related entity class
 */
public final class RelationshipAttribute<E, T> implements Attribute<E, T> {
    private final Class<E> entityType;
    private final String name;
    private final Class<T> targetType;
    private final boolean collection;

    public RelationshipAttribute(Class<E> entityType, String name, Class<T> targetType, boolean collection) {
        this.entityType = entityType;
        this.name = name;
        this.targetType = targetType;
        this.collection = collection;
    }

    @Override
    public Class<E> entityType() {
        return entityType;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<T> javaType() {
        return targetType;
    }

    /** Whether the attribute holds a collection (one-to-many, many-to-many). */
    public boolean isCollection() {
        return collection;
    }

    @Override
    public String toString() {
        return entityType.getSimpleName() + "." + name;
    }
}
