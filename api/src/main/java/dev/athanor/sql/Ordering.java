package dev.athanor.sql;

/**
 * An ORDER BY item: an expression, its direction and where NULLs go. Made by {@link Expression#asc()} and
 * {@link Expression#desc()}.
 *
 * {@snippet :
 * select(users.c("id")).orderBy(users.c("last_login").desc().nullsLast());
 * }
 *
 * @param expression the sort key
 * @param descending DESC when true
 * @param nulls      NULLS FIRST / NULLS LAST, or the database's default
 */
public record Ordering(Expression<?> expression, boolean descending, Nulls nulls) implements OrderByItem {

    /** Where NULLs sort. */
    public enum Nulls { DEFAULT, FIRST, LAST }

    public Ordering nullsFirst() {
        return new Ordering(expression, descending, Nulls.FIRST);
    }

    public Ordering nullsLast() {
        return new Ordering(expression, descending, Nulls.LAST);
    }
}
