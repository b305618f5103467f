/**
 * The SQL expression language (SQLAlchemy's {@code sqlalchemy.sql}): {@link dev.athanor.sql.Expression} and its
 * operators, the expression nodes the compiler renders (public records, so that an implementation can switch over
 * them), and the FROM items ({@link dev.athanor.sql.FromClause}: tables, aliases, subqueries, CTEs, joins).
 * Statements ({@code Select}, {@code Insert}, {@code Update}, {@code Delete}) live in {@code dev.athanor} and are made
 * by {@link dev.athanor.Sql}.
 *
 * {@snippet :
 * import static dev.athanor.Sql.*;
 *
 * Select<Row> stmt = select(users.c("name"), Func.count(orders.c("id")).label("n"))
 *         .outerJoin(orders)
 *         .where(users.c("name").ilike("a%"), users.c("id").in(List.of(1, 2, 3)))
 *         .groupBy(users.c("name"))
 *         .orderBy(users.c("name"));
 * }
 *
 * <p>Every plain Java value becomes a bind parameter; identifiers are quoted where the dialect requires it.
 */
package dev.athanor.sql;
