package dev.athanor.sql;

import dev.athanor.schema.Column;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code left [LEFT OUTER | FULL OUTER] JOIN right ON on}. A null {@code on} is inferred when compiled from the single
 * foreign key between the two sides; none, or more than one, is an error naming both tables.
 *
 * {@snippet :
 * select(users.c("name"), orders.c("total")).selectFrom(users.join(orders));
 * }
 *
 * @param left  the left side
 * @param right the right side
 * @param on    the join condition, or null to infer it
 * @param outer LEFT OUTER (or FULL OUTER with {@code full})
 * @param full  FULL OUTER
 */
public record Join(FromClause left, FromClause right, Expression<Boolean> on, boolean outer, boolean full)
        implements FromClause {

    @Override
    public String name() {
        return null;
    }

    @Override
    public List<Column<?>> columns() {
        List<Column<?>> all = new ArrayList<>(left.columns());
        all.addAll(right.columns());
        return all;
    }
}
