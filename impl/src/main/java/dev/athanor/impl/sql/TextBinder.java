package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.TextClause;
import dev.athanor.spi.ParsedText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link TextClause} and parameter values into a {@link BoundStatement}. Checks, before anything is sent,
 * that every bind has a value and every value names a bind. The JDBC SQL of a text without list values is computed
 * once per text ({@link ParsedText#jdbcSql()}); only {@code IN (:list)} expansion builds SQL per call.
 */
public final class TextBinder {
    private TextBinder() {
    }

    /** Binds one parameter map (null for none) over the clause's own bound values. */
    public static BoundStatement bind(TextClause clause, Map<String, ?> parameters) {
        ParsedText parsed = clause.parsed();
        checkNames(parsed, parameters);
        Map<String, Object> bound = clause.boundValues();
        int count = parsed.bindCount();
        Object[] values = new Object[count];
        boolean expand = false;
        for (int i = 0; i < count; i++) {
            Object value = value(parsed, parsed.bindName(i), parameters, bound);
            values[i] = value;
            expand |= value instanceof Collection<?>;
        }
        return expand ? expand(parsed, values) : new BoundStatement(parsed.jdbcSql(), values);
    }

    /** The values of one parameter set of an executemany, in bind order; list values are refused. */
    public static Object[] bindBatchRow(TextClause clause, Map<String, ?> parameters, int index) {
        try {
            return batchRow(clause, parameters, index);
        } catch (ArgumentError e) {
            throw e.getMessage().startsWith("parameter set") ? e
                    : new ArgumentError("parameter set " + index + ": " + e.getMessage(), e);
        }
    }

    private static Object[] batchRow(TextClause clause, Map<String, ?> parameters, int index) {
        ParsedText parsed = clause.parsed();
        checkNames(parsed, parameters);
        int count = parsed.bindCount();
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            Object value = value(parsed, parsed.bindName(i), parameters, clause.boundValues());
            if (value instanceof Collection<?>) {
                throw new ArgumentError("parameter set " + index + ": bind parameter '" + parsed.bindName(i)
                        + "' has a list value; list expansion (IN (:list)) is not available in executemany");
            }
            values[i] = value;
        }
        return values;
    }

    private static Object value(ParsedText parsed, String name, Map<String, ?> parameters, Map<String, Object> bound) {
        if (parameters != null) {
            Object value = parameters.get(name);
            if (value != null || parameters.containsKey(name)) {
                return value;
            }
        }
        Object value = bound.get(name);
        if (value == null && !bound.containsKey(name)) {
            throw new ArgumentError("a value is required for bind parameter '" + name + "' of: " + parsed.sql(),
                    null, "missing-bind");
        }
        return value;
    }

    private static void checkNames(ParsedText parsed, Map<String, ?> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            return;
        }
        for (String key : parameters.keySet()) {
            if (!parsed.distinctNames().contains(key)) {
                throw new ArgumentError("no bind parameter named '" + key + "' in: " + parsed.sql()
                        + " (its binds are " + parsed.distinctNames() + ")", null, "missing-bind");
            }
        }
    }

    private static BoundStatement expand(ParsedText parsed, Object[] values) {
        StringBuilder sql = new StringBuilder(parsed.sql().length() + 16);
        List<Object> flat = new ArrayList<>(values.length + 8);
        for (int i = 0; i < values.length; i++) {
            sql.append(parsed.fragment(i));
            if (values[i] instanceof Collection<?> list) {
                if (list.isEmpty()) {
                    // x IN (NULL) selects nothing, which is what an empty IN means (NOT IN is not covered).
                    sql.append("NULL");
                } else {
                    for (int k = 0; k < list.size(); k++) {
                        sql.append(k == 0 ? "?" : ", ?");
                    }
                    flat.addAll(list);
                }
            } else {
                sql.append('?');
                flat.add(values[i]);
            }
        }
        sql.append(parsed.fragment(values.length));
        return new BoundStatement(sql.toString(), flat.toArray());
    }
}
