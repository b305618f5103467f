package dev.athanor.orm.mapping;

import dev.athanor.schema.ReferentialAction;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key on a mapped column: {@code "table.column"}. The registry checks that the target table and column are
 * mapped; the unit of work inserts the referenced table's rows first and deletes them last.
 *
 * {@snippet :
 * @Column @ForeignKey(value = "groups.id", onDelete = ReferentialAction.CASCADE) public Integer groupId;
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ForeignKey {

    /** The target, {@code "table.column"}. */
    String value();

    ReferentialAction onDelete() default ReferentialAction.NO_ACTION;

    ReferentialAction onUpdate() default ReferentialAction.NO_ACTION;
}
