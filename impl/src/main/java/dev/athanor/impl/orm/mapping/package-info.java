/**
 * Reads mapping annotations once into immutable {@link dev.athanor.impl.orm.mapping.EntityMapper}s (columns, key,
 * version, defaults; field access by method handles made on first use, then by an accessor generated per entity,
 * see {@link dev.athanor.impl.orm.mapping.EntityAccessors}) and validates them, reporting every problem with class and
 * field.
 * Mappers are global per class ({@link dev.athanor.impl.orm.mapping.Mappers}): a class's mapping depends only on its
 * annotations, and the static metamodel ({@code User_.name}) needs its column without a registry at hand.
 *
 * <p>Relationships are resolved per registry ({@link dev.athanor.impl.orm.mapping.RelationshipResolver}), since which
 * foreign key joins two classes, and whether an association table is mapped by an entity or declared by the registry,
 * depend on the classes mapped together. Several {@code @ForeignKey} columns referring to different columns of one
 * table form one composite foreign key.
 */
package dev.athanor.impl.orm.mapping;
