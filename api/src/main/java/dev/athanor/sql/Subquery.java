package dev.athanor.sql;

import dev.athanor.schema.SqlType;

import java.util.List;

/**
 * A query used in FROM under a name, {@code (SELECT ...) AS name}; its columns are the query's column labels.
 * Made by {@code select.subquery("name")}.
 *
 * {@snippet :
 * Subquery totals = select(orders.c("user_id"), Func.sum(orders.c("total")).label("spent"))
 *         .groupBy(orders.c("user_id")).subquery("totals");
 * select(users.c("name"), totals.c("spent")).selectFrom(users.join(totals, totals.c("user_id").eq(users.c("id"))));
 * }
 */
public final class Subquery extends DerivedTable {

    public Subquery(String name, SelectLike query, List<String> labels, List<SqlType<?>> types) {
        super(name, query, labels, types);
    }

    @Override
    public String toString() {
        return "Subquery(" + name() + ")";
    }
}
