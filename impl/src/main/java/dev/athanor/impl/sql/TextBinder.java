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
        Object[] values = new Object[parsed.bindCount()];
        collect(parsed, parameters, clause.boundValues(), values, -1);
        for (Object value : values) {
            if (value instanceof Collection<?>) {
                return expand(parsed, values);
            }
        }
        return new BoundStatement(parsed.jdbcSql(), values);
    }

    /** The values of one parameter set of an executemany, in bind order; list values are refused. */
    public static Object[] bindBatchRow(TextClause clause, Map<String, ?> parameters, int index) {
        try {
            ParsedText parsed = clause.parsed();
            Object[] values = new Object[parsed.bindCount()];
            collect(parsed, parameters, clause.boundValues(), values, index);
            return values;
        } catch (ArgumentError e) {
            throw e.getMessage().startsWith("parameter set") ? e
                    : new ArgumentError("parameter set " + index + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fills {@code values} in bind order from {@code parameters}, else from the clause's bound values. Errors, in the
     * order they always had: a key of {@code parameters} that is no bind; then, at the first position that has one,
     * a bind without a value or (for parameter set {@code batchIndex} of an executemany; -1 for none) a list value.
     * The keys are only compared with the bind names one by one when their count differs from the number of binds
     * they gave a value to, or when there is an error to report.
     */
    private static void collect(ParsedText parsed, Map<String, ?> parameters, Map<String, Object> bound,
            Object[] values, int batchIndex) {
        int count = values.length;
        boolean repeats = parameters != null && count != parsed.distinctNames().size();
        int matched = 0;
        int failed = -1;
        boolean listValue = false;
        for (int i = 0; i < count; i++) {
            String name = parsed.bindName(i);
            Object value;
            if (parameters != null && ((value = parameters.get(name)) != null || parameters.containsKey(name))) {
                if (!repeats || firstUse(parsed, i)) {
                    matched++;
                }
            } else {
                value = bound.get(name);
                if (value == null && !bound.containsKey(name)) {
                    failed = i;
                    break;
                }
            }
            if (batchIndex >= 0 && value instanceof Collection<?>) {
                failed = i;
                listValue = true;
                break;
            }
            values[i] = value;
        }
        if (failed >= 0 || (parameters != null && matched != parameters.size())) {
            checkNames(parsed, parameters);
        }
        if (failed >= 0) {
            String name = parsed.bindName(failed);
            if (listValue) {
                throw new ArgumentError("parameter set " + batchIndex + ": bind parameter '" + name
                        + "' has a list value; list expansion (IN (:list)) is not available in executemany");
            }
            throw new ArgumentError("a value is required for bind parameter '" + name + "' of: " + parsed.sql(),
                    null, "missing-bind");
        }
    }

    /** Whether bind position {@code position} is the first use of its name. */
    private static boolean firstUse(ParsedText parsed, int position) {
        String name = parsed.bindName(position);
        for (int i = 0; i < position; i++) {
            if (parsed.bindName(i).equals(name)) {
                return false;
            }
        }
        return true;
    }

    /** Throws for the first key of {@code parameters} that is not a bind name. */
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
