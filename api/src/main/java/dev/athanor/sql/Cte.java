package dev.athanor.sql;

import dev.athanor.schema.SqlType;

import java.util.List;

/**
 * A common table expression, {@code WITH name AS (SELECT ...)}, used in FROM like a table; made by
 * {@code select.cte("name")} or {@code select.cteRecursive("name")}. A recursive CTE gets its recursive part with
 * {@link #unionAll(SelectLike)}, which may refer to the CTE's own columns.
 *
 * {@snippet :
 * Cte tree = select(nodes.c("id"), nodes.c("parent_id")).where(nodes.c("id").eq(1)).cteRecursive("tree");
 * tree = tree.unionAll(select(nodes.c("id"), nodes.c("parent_id"))
 *         .selectFrom(nodes.join(tree, nodes.c("parent_id").eq(tree.c("id")))));
 * select(tree.c("id")).selectFrom(tree);
 * }
 */
public final class Cte extends DerivedTable {
    private final boolean recursive;
    private final SelectLike recursivePart;

    public Cte(String name, SelectLike query, List<String> labels, List<SqlType<?>> types, boolean recursive,
            SelectLike recursivePart) {
        super(name, query, labels, types);
        this.recursive = recursive;
        this.recursivePart = recursivePart;
    }

    public boolean recursive() {
        return recursive;
    }

    /** The part after UNION ALL of a recursive CTE, or null. */
    public SelectLike recursivePart() {
        return recursivePart;
    }

    /** A recursive CTE whose query is this one's UNION ALL {@code part}. */
    public Cte unionAll(SelectLike part) {
        List<String> labels = columns().stream().map(c -> c.name()).toList();
        List<SqlType<?>> types = columns().stream().<SqlType<?>>map(c -> c.type()).toList();
        return new Cte(name(), query(), labels, types, true, part);
    }

    @Override
    public String toString() {
        return "Cte(" + name() + ")";
    }
}
