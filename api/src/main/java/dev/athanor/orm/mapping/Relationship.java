package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A relationship to another entity (SQLAlchemy's {@code relationship()}). The field's type and the foreign keys
 * decide the kind:
 * <ul>
 * <li>an entity-typed field whose table has a foreign key to the other table: <b>many-to-one</b> (the key column must
 *     be mapped too, e.g. {@code @Column @ForeignKey("groups.id") Integer groupId});</li>
 * <li>an entity-typed field where only the other table has a key to this one: <b>one-to-one</b>, the reverse side
 *     (SQLAlchemy's {@code uselist=False}: the field type is the flag);</li>
 * <li>a {@code List}, {@code Set} or {@code Collection} field: <b>one-to-many</b> through the other table's foreign
 *     key, or <b>many-to-many</b> through the association table named by {@link #secondary()} (mapped as an entity,
 *     or not mapped at all: then the registry declares it with two key columns named after the entities, e.g.
 *     {@code user_id} and {@code permission_id}).</li>
 * </ul>
 * A class referring to itself (a tree: {@code parent}/{@code children}) works the same way. When two foreign keys
 * could serve, {@link #foreignKey()} names the column; the mapping is an error naming both otherwise.
 * Cascades follow SQLAlchemy's default {@code save-update, merge}: adding an object adds what it refers to; with
 * {@link #cascadeDelete()} deleting it deletes its related objects; with {@link #deleteOrphan()} removing an object
 * from the collection deletes it too. Rows that refer to each other (cycles) are written with a second UPDATE after
 * the INSERTs (SQLAlchemy's {@code post_update}), chosen by the flush, not declared.
 *
 * {@snippet :
 * @Relationship(backPopulates = "members") public Group group;
 * @Relationship(backPopulates = "group") public List<User> members = new ArrayList<>();
 * @Relationship(secondary = "user_permissions", backPopulates = "users") public List<Permission> permissions;
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Relationship {

    /** The attribute on the other side that mirrors this one, kept in step in memory. */
    String backPopulates() default "";

    /** The association table of a many-to-many relationship. */
    String secondary() default "";

    /** Other relationships writing the same columns, as SQLAlchemy's {@code overlaps}: comma-separated names. */
    String overlaps() default "";

    /**
     * The foreign key column (on whichever table has it: this one, the other, or for many-to-many the association
     * table's column that refers to this side) when there is more than one to choose from; column or field name.
     */
    String foreignKey() default "";

    /** The default loading strategy of this relationship. */
    Lazy lazy() default Lazy.SELECT;

    /**
     * Cascade {@code all, delete-orphan}: deleting this object deletes the related objects, and an object removed
     * from the collection (or replaced on a one-to-one) is deleted instead of having its key set to NULL.
     */
    boolean deleteOrphan() default false;

    /** Cascade {@code delete}: deleting this object deletes the related objects ({@link #deleteOrphan()} implies it). */
    boolean cascadeDelete() default false;

    /** Let the database's {@code ON DELETE CASCADE} remove the children instead of loading them. */
    boolean passiveDeletes() default false;

    /** Loading strategies (SQLAlchemy's {@code lazy=} values). */
    enum Lazy { SELECT, SELECTIN, JOINED, RAISE, NOLOAD }
}
