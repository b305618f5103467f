package dev.athanor.schema;

import dev.athanor.ArgumentError;

import java.util.List;

/**
 * A foreign key: columns of this table referring to columns of a target table, by name, so that tables can be
 * declared in any order. Made by {@code ColumnDef.references("table.column")} or, for composite keys,
 * {@link Schema#foreignKey(List, String, List)}.
 *
 * {@snippet :
 * foreignKey(List.of("order_id", "line_no"), "order_lines", List.of("order_id", "line_no")).onDelete(CASCADE);
 * }
 *
 * @param name          the constraint name, or null for the database's default
 * @param columns       local column names
 * @param targetTable   the referenced table's name
 * @param targetColumns the referenced column names
 * @param onDelete      the ON DELETE action, or null
 * @param onUpdate      the ON UPDATE action, or null
 */
public record ForeignKey(String name, List<String> columns, String targetTable, List<String> targetColumns,
        ReferentialAction onDelete, ReferentialAction onUpdate) implements TableElement {

    public ForeignKey {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
        if (columns.isEmpty() || columns.size() != targetColumns.size()) {
            throw new ArgumentError("foreign key to " + targetTable + ": " + columns.size() + " local column(s) "
                    + columns + " but " + targetColumns.size() + " target column(s) " + targetColumns);
        }
    }

    public ForeignKey onDelete(ReferentialAction action) {
        return new ForeignKey(name, columns, targetTable, targetColumns, action, onUpdate);
    }

    public ForeignKey onUpdate(ReferentialAction action) {
        return new ForeignKey(name, columns, targetTable, targetColumns, onDelete, action);
    }

    public ForeignKey named(String constraintName) {
        return new ForeignKey(constraintName, columns, targetTable, targetColumns, onDelete, onUpdate);
    }

    /** Parses {@code "table.column"} into (table, column). */
    static String[] parseTarget(String target) {
        int dot = target == null ? -1 : target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw new ArgumentError("a foreign key target is written \"table.column\", got \"" + target + "\"");
        }
        return new String[] {target.substring(0, dot), target.substring(dot + 1)};
    }
}
