package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a class to a table. The class must not be final and must have a no-argument constructor (any visibility).
 *
 * {@snippet :
 * @Entity(table = "users", uniqueConstraints = @UniqueConstraint({"name", "time_created"}),
 *         indexes = @Index(name = "ix_users_name_fullname", columns = {"name", "fullname"}))
 * public class User { ... }
 *
 * @Entity(table = "user_roles", primaryKey = {"userId", "roleId"})   // a composite primary key
 * public class UserRole { @Column public Integer userId; @Column public Integer roleId; }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Entity {

    /** The table name; by default the class's simple name in snake_case ({@code OrderLine} → {@code order_line}). */
    String table() default "";

    /** Table-level unique constraints (column names). */
    UniqueConstraint[] uniqueConstraints() default {};

    /** Composite indexes (column names). */
    Index[] indexes() default {};

    /**
     * A composite primary key: the names of the fields that form it, in key order. Leave empty to use the field
     * marked {@link Id}; marking two fields {@code @Id} without this is a mapping error.
     */
    String[] primaryKey() default {};
}
