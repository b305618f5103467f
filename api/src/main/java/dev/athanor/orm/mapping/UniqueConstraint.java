package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table-level unique constraint in {@link Entity#uniqueConstraints()}: column names.
 *
 * {@snippet :
 * @Entity(table = "users", uniqueConstraints = @UniqueConstraint({"name", "time_created"}))
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface UniqueConstraint {

    /** The column names. */
    String[] value();

    /** The constraint name; generated when empty. */
    String name() default "";
}
