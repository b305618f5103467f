package dev.athanor.schema;

import java.util.List;

/**
 * Static factories of schema elements, to import statically with {@link SqlTypes}.
 *
 * {@snippet :
 * import static dev.athanor.schema.Schema.*;
 * import static dev.athanor.schema.SqlTypes.*;
 *
 * Table lines = metadata.table("order_lines",
 *         column("order_id", INTEGER).references("orders.id").onDelete(ReferentialAction.CASCADE),
 *         column("line_no", INTEGER),
 *         column("sku", varchar(20)).nullable(false),
 *         column("quantity", INTEGER).serverDefault("1"),
 *         primaryKey("order_id", "line_no"),
 *         checkConstraint("quantity > 0"),
 *         index("ix_lines_sku", "sku"));
 * }
 */
public final class Schema {
    private Schema() {
    }

    public static <T> ColumnDef<T> column(String name, SqlType<T> type) {
        return new ColumnDef<>(name, type, false, null, null, false, false, null, null, null, null);
    }

    public static PrimaryKeyConstraint primaryKey(String... columns) {
        return new PrimaryKeyConstraint(List.of(columns));
    }

    public static UniqueConstraint uniqueConstraint(String... columns) {
        return new UniqueConstraint(null, List.of(columns));
    }

    public static CheckConstraint checkConstraint(String condition) {
        return new CheckConstraint(null, condition);
    }

    public static Index index(String name, String... columns) {
        return new Index(name, List.of(columns), false);
    }

    public static ForeignKey foreignKey(List<String> columns, String targetTable, List<String> targetColumns) {
        return new ForeignKey(null, columns, targetTable, targetColumns, null, null);
    }
}
