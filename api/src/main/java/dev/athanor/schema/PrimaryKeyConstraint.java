package dev.athanor.schema;

import java.util.List;

/**
 * {@code PRIMARY KEY (columns)} for a composite key; made by {@link Schema#primaryKey(String...)}. A single-column key
 * is declared on the column instead ({@code column("id", INTEGER).primaryKey()}).
 *
 * {@snippet :
 * metadata.table("order_lines", column("order_id", INTEGER), column("line_no", INTEGER), primaryKey("order_id", "line_no"));
 * }
 *
 * @param columns the key's column names
 */
public record PrimaryKeyConstraint(List<String> columns) implements TableElement {
    public PrimaryKeyConstraint {
        columns = List.copyOf(columns);
    }
}
