package dev.athanor.impl.orm.mapping;

import dev.athanor.orm.mapping.Relationship;

/**
 * A {@code @Relationship} field as read from one class, before the registry resolves it against the other classes
 * (which foreign key, which kind, which back side). Field access through method handles, until the entity's generated
 * accessor takes over ({@link RelationshipMapping#get}).
 *
 * @param name the field name
 * @param annotation the annotation
 * @param target the related entity class (the element type of a collection)
 * @param collection {@code LIST} or {@code SET} for a collection field, {@code NONE} for a to-one
 * @param handles reads and writes the field
 * @param getterMethod the name of an overridable getter of the field, or null
 * @param field the reflected field (for generated access, {@link EntityAccessors})
 */
public record RelationshipField(String name, Relationship annotation, Class<?> target, CollectionKind collection,
        FieldHandles handles, String getterMethod, java.lang.reflect.Field field) {

    /** What kind of Java collection the field holds. */
    public enum CollectionKind { NONE, LIST, SET }
}
