package dev.athanor.sql;

import dev.athanor.schema.Column;
import dev.athanor.schema.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A table under another name in one statement, {@code users AS u}, for self-joins; made by
 * {@link Table#alias(String)}.
 *
 * {@snippet :
 * TableAlias parent = nodes.alias("parent");
 * select(nodes.c("name"), parent.c("name")).selectFrom(nodes.join(parent, nodes.c("parent_id").eq(parent.c("id"))));
 * }
 */
public final class TableAlias implements FromClause {
    private final Table table;
    private final String name;
    private final List<Column<?>> columns;

    public TableAlias(Table table, String name) {
        this.table = table;
        this.name = name;
        List<Column<?>> aliased = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            aliased.add(column.onAlias(this));
        }
        this.columns = List.copyOf(aliased);
    }

    /** The aliased table. */
    public Table table() {
        return table;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }

    @Override
    public String toString() {
        return table.name() + " AS " + name;
    }
}
