package dev.athanor.orm.mapping;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking (SQLAlchemy's {@code version_id_col}): an integer column set to 1 at INSERT and incremented by
 * every UPDATE, whose WHERE clause checks the value loaded; when no row matches, the flush raises
 * {@link dev.athanor.orm.StaleDataError} naming entity and key instead of overwriting someone else's change.
 *
 * {@snippet :
 * @Version public int version;
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {

    /** The column name; by default the field name in snake_case. */
    String name() default "";
}
