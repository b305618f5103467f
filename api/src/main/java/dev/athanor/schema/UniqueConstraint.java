package dev.athanor.schema;

import java.util.List;

/**
 * {@code UNIQUE (columns)} over one or more columns; made by {@link Schema#uniqueConstraint(String...)}.
 *
 * {@snippet :
 * metadata.table("users", column("name", varchar(30)), column("time_created", TIMESTAMP),
 *         uniqueConstraint("name", "time_created"));
 * }
 *
 * @param name    the constraint name, or null
 * @param columns the column names
 */
public record UniqueConstraint(String name, List<String> columns) implements TableElement {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }

    public UniqueConstraint named(String constraintName) {
        return new UniqueConstraint(constraintName, columns);
    }
}
