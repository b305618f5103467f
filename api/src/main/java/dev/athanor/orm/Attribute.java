package dev.athanor.orm;

/**
 * A mapped attribute of an entity class, as the metamodel ({@code User_}) exposes it: a column
 * ({@link ColumnAttribute}) or a relationship ({@link RelationshipAttribute}).
 *
 * {@snippet :
 * Attribute<User, String> name = User_.name;
 * System.out.println(name.entityType().getSimpleName() + "." + name.name());   // User.name
 * }
 *
 * @param <E> the entity class
 * @param <T> the attribute's Java type (the element type for a collection)
 */
public interface Attribute<E, T> {

    /** The entity class the attribute belongs to. */
    Class<E> entityType();

    /** The attribute's name: the Java field name. */
    String name();

    /** The attribute's Java type (boxed for primitives; the element type of a collection). */
    Class<?> javaType();
}
