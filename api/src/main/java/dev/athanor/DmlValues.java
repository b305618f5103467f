package dev.athanor;

import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.sql.Bind;
import dev.athanor.sql.Expression;

import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and converts {@code values(...)} maps of INSERT and UPDATE: every key must be a column of the table. */
final class DmlValues {
    private DmlValues() {
    }

    /** Column name to expression; plain values become binds typed by their column. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Map<String, Expression<?>> of(Table table, Map<String, ?> values, String statement) {
        Map<String, Expression<?>> converted = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            Column<?> column = column(table, entry.getKey(), statement);
            Object value = entry.getValue();
            if (!(value instanceof Expression<?>) && !column.type().accepts(value)) {
                throw new ArgumentError(statement + " " + table.name() + ": column '" + column.name() + "' is "
                        + column.type() + " and cannot take " + value.getClass().getSimpleName() + " value '" + value
                        + "'");
            }
            converted.put(column.name(), value instanceof Expression<?> e ? e : new Bind(value, column.type()));
        }
        return converted;
    }

    static Column<?> column(Table table, String name, String statement) {
        for (Column<?> column : table.columns()) {
            if (column.name().equals(name) || column.name().equalsIgnoreCase(name)) {
                return column;
            }
        }
        String snake = snakeCase(name);
        if (!snake.equals(name)) {
            for (Column<?> column : table.columns()) {
                if (column.name().equalsIgnoreCase(snake)) {
                    return column;
                }
            }
        }
        throw new ArgumentError(statement + " " + table.name() + ": unknown column '" + name + "' in values(); "
                + "the table's columns are " + table.columns().stream().map(Column::name).toList());
    }

    /** The column a {@code Column} key stands for in this table. */
    static String nameOf(Table table, Expression<?> expression, String statement) {
        if (!(expression.node() instanceof Column<?> column) || column.table() != table) {
            throw new ArgumentError(statement + " " + table.name() + ": " + expression + " is not a column of "
                    + table.name());
        }
        return column.name();
    }

    /** {@code visitCount} to {@code visit_count}: attribute names of mapped classes work as keys too. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
