package dev.athanor.schema;

import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX name ON table (columns)}; made by {@link Schema#index(String, String...)} or by
 * {@code ColumnDef.index()} (named {@code ix_<table>_<column>}, as SQLAlchemy names them).
 *
 * {@snippet :
 * metadata.table("events", column("day", DATE), column("kind", varchar(10)), index("ix_events_day_kind", "day", "kind"));
 * }
 *
 * @param name    the index name
 * @param columns the column names
 * @param unique  a unique index
 */
public record Index(String name, List<String> columns, boolean unique) implements TableElement {
    public Index {
        columns = List.copyOf(columns);
    }

    /** The same index, UNIQUE. */
    public Index asUnique() {
        return new Index(name, columns, true);
    }
}
