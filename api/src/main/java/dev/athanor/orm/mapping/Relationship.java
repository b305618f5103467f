package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A relationship to another entity (SQLAlchemy's {@code relationship()}): many-to-one on an entity-typed field (the
 * foreign key is on this table), one-to-many on a {@code List}/{@code Set} field (the key is on the other table),
 * many-to-many with {@link #secondary()}.
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

    /** The foreign key column (on whichever side has it) when there is more than one to choose from. */
    String foreignKey() default "";

    /** The default loading strategy of this relationship. */
    Lazy lazy() default Lazy.SELECT;

    /** Cascade of delete and of removal from the collection ({@code delete, delete-orphan}). */
    boolean deleteOrphan() default false;

    /** Let the database's {@code ON DELETE CASCADE} remove the children instead of loading them. */
    boolean passiveDeletes() default false;

    /** Loading strategies (SQLAlchemy's {@code lazy=} values). */
    enum Lazy { SELECT, SELECTIN, JOINED, RAISE, NOLOAD }
}
