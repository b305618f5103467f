package dev.athanor.sql;

import dev.athanor.schema.Column;
import dev.athanor.schema.SqlType;

import java.util.ArrayList;
import java.util.List;

/** Shared by {@link Subquery} and {@link Cte}: columns taken from the query's column labels. */
abstract class DerivedTable implements FromClause {
    private final String name;
    private final SelectLike query;
    private final List<Column<?>> columns;

    DerivedTable(String name, SelectLike query, List<String> labels, List<SqlType<?>> types) {
        this.name = name;
        this.query = query;
        List<Column<?>> derived = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            derived.add(Column.derived(this, labels.get(i), types.get(i)));
        }
        this.columns = List.copyOf(derived);
    }

    @Override
    public String name() {
        return name;
    }

    /** The query this derived table stands for. */
    public SelectLike query() {
        return query;
    }

    @Override
    public List<Column<?>> columns() {
        return columns;
    }
}
