package dev.athanor.sql;

import dev.athanor.Executable;

/**
 * A query that can stand where a subquery goes: a {@code Select} or a {@code UNION} of selects.
 *
 * {@snippet :
 * users.c("id").in(select(orders.c("user_id")).where(orders.c("total").gt(100)));
 * }
 */
public interface SelectLike extends Executable {

    /** This query as a named subquery usable in FROM ({@code (SELECT ...) AS name}). */
    Subquery subquery(String name);
}
