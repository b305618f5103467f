package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A composite index in {@link Entity#indexes()}.
 *
 * {@snippet :
 * @Entity(table = "users", indexes = @Index(name = "ix_users_name_fullname", columns = {"name", "fullname"}))
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Index {

    String name();

    /** The column names, in index order. */
    String[] columns();

    boolean unique() default false;
}
