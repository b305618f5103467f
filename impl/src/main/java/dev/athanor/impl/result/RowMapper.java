package dev.athanor.impl.result;

import dev.athanor.ArgumentError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps the rows of one result to objects: a {@link MappingPlan} bound to the result's {@link RowLayout} (which
 * column feeds which property), done once per result.
 */
final class RowMapper {
    private RowMapper() {
    }

    static <T> Function<RowImpl, T> create(Class<T> type, RowLayout layout) {
        if (ValueConverter.isSimple(type)) {
            if (layout.size() != 1) {
                throw new ArgumentError("mapTo(" + type.getSimpleName() + ") needs a result of one column; this "
                        + "one has " + layout.keys());
            }
            String label = layout.label(0);
            return row -> ValueConverter.convert(row.rawValues()[0], type, label);
        }
        MappingPlan plan = MappingPlan.of(type);
        return plan.record ? forRecord(type, plan, layout) : forClass(type, plan, layout);
    }

    private static int[] columnsOf(MappingPlan plan, RowLayout layout) {
        int[] columns = new int[plan.names.size()];
        for (int p = 0; p < columns.length; p++) {
            columns[p] = -1;
        }
        for (int c = 0; c < layout.size(); c++) {
            String column = MappingPlan.normalize(layout.label(c));
            for (int p = 0; p < columns.length; p++) {
                if (columns[p] < 0 && MappingPlan.normalize(plan.names.get(p)).equals(column)) {
                    columns[p] = c;
                }
            }
        }
        return columns;
    }

    private static <T> Function<RowImpl, T> forRecord(Class<T> type, MappingPlan plan, RowLayout layout) {
        int[] columns = columnsOf(plan, layout);
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < columns.length; p++) {
            if (columns[p] < 0) {
                missing.add(plan.names.get(p));
            }
        }
        if (!missing.isEmpty()) {
            throw new ArgumentError("cannot map rows to record " + type.getSimpleName() + ": no column for "
                    + missing + "; the result's columns are " + layout.keys());
        }
        return row -> {
            Object[] values = row.rawValues();
            Object[] args = new Object[columns.length];
            for (int p = 0; p < columns.length; p++) {
                args[p] = property(plan, p, values[columns[p]], layout.label(columns[p]));
            }
            try {
                return type.cast(plan.constructor.invokeExact(args));
            } catch (Throwable e) {
                throw new ArgumentError("cannot create " + type.getSimpleName() + " from row " + row + ": " + e, e);
            }
        };
    }

    private static <T> Function<RowImpl, T> forClass(Class<T> type, MappingPlan plan, RowLayout layout) {
        int[] columns = columnsOf(plan, layout);
        boolean any = false;
        for (int column : columns) {
            any |= column >= 0;
        }
        if (!any) {
            throw new ArgumentError("cannot map rows to " + type.getSimpleName() + ": none of its fields "
                    + plan.names + " matches a column of " + layout.keys());
        }
        return row -> {
            Object[] values = row.rawValues();
            try {
                Object target = plan.constructor.invokeExact();
                for (int p = 0; p < columns.length; p++) {
                    if (columns[p] >= 0) {
                        Object value = property(plan, p, values[columns[p]], layout.label(columns[p]));
                        plan.setters.get(p).invokeExact(target, value);
                    }
                }
                return type.cast(target);
            } catch (ArgumentError e) {
                throw e;
            } catch (Throwable e) {
                throw new ArgumentError("cannot create " + type.getSimpleName() + " from row " + row + ": " + e, e);
            }
        };
    }

    private static Object property(MappingPlan plan, int p, Object value, String column) {
        Class<?> target = plan.types.get(p);
        if (value == null && target.isPrimitive()) {
            throw new ArgumentError("column '" + column + "' is NULL but " + plan.type.getSimpleName() + "."
                    + plan.names.get(p) + " is a primitive " + target.getName());
        }
        return ValueConverter.convert(value, target, column);
    }
}
