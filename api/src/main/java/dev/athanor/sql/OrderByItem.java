package dev.athanor.sql;

/**
 * Something an ORDER BY takes: an {@link Expression} (ascending) or an {@link Ordering} made by
 * {@link Expression#asc()} / {@link Expression#desc()}.
 *
 * {@snippet :
 * select(users.c("id")).orderBy(users.c("name").desc().nullsLast(), users.c("id"));
 * }
 */
public interface OrderByItem {
}
