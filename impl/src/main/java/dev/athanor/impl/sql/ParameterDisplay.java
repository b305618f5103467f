package dev.athanor.impl.sql;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders parameters for logs and exception messages: values of names that look like secrets are masked, long
 * values are cut, and of a large executemany only the first sets are shown (as SQLAlchemy does).
 */
public final class ParameterDisplay {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|pwd|secret|token|credential|api_?key).*");
    private static final int MAX_VALUE = 100;
    private static final int MAX_SETS = 10;

    private ParameterDisplay() {
    }

    /** {@code {x=1, name='ada', password=***}}, or {@code [hidden]} when parameters are hidden. */
    public static String of(Map<String, ?> parameters, boolean hide) {
        if (parameters == null || parameters.isEmpty()) {
            return "";
        }
        if (hide) {
            return "[parameters hidden by hideParameters]";
        }
        StringBuilder text = new StringBuilder("{");
        Iterator<? extends Map.Entry<String, ?>> entries = parameters.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<String, ?> entry = entries.next();
            text.append(entry.getKey()).append('=');
            text.append(SECRET.matcher(entry.getKey()).matches() ? "***" : value(entry.getValue()));
            if (entries.hasNext()) {
                text.append(", ");
            }
        }
        return text.append('}').toString();
    }

    /** Positional values of a compiled statement: {@code [5, 'ada']}. */
    public static String ofValues(Object[] values, boolean hide) {
        if (values.length == 0) {
            return "";
        }
        if (hide) {
            return "[parameters hidden by hideParameters]";
        }
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(value(values[i]));
        }
        return text.append(']').toString();
    }

    /** The first parameter sets of an executemany, with a note of how many there were. */
    public static String ofBatch(List<? extends Map<String, ?>> sets, boolean hide) {
        if (hide) {
            return "[" + sets.size() + " parameter sets hidden by hideParameters]";
        }
        StringBuilder text = new StringBuilder("[");
        int shown = Math.min(sets.size(), MAX_SETS);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(of(sets.get(i), false));
        }
        if (sets.size() > shown) {
            text.append(" ... displaying ").append(shown).append(" of ").append(sets.size())
                    .append(" total parameter sets ...");
        }
        return text.append(']').toString();
    }

    /** The first rows of positional values of a batch, with a note of how many there were. */
    public static String ofValueRows(List<Object[]> rows, boolean hide) {
        if (hide) {
            return "[" + rows.size() + " parameter sets hidden by hideParameters]";
        }
        StringBuilder text = new StringBuilder("[");
        int shown = Math.min(rows.size(), MAX_SETS);
        for (int i = 0; i < shown; i++) {
            text.append(i == 0 ? "" : ", ").append(ofValues(rows.get(i), false));
        }
        if (rows.size() > shown) {
            text.append(" ... displaying ").append(shown).append(" of ").append(rows.size())
                    .append(" total parameter sets ...");
        }
        return text.append(']').toString();
    }

    /**
     * How an error names the parameter at placeholder {@code index} (0-based) holding {@code value}: its name in
     * {@code parameters} when they are a name-to-value map (text SQL), else the column the placeholder is compared
     * with or inserted into, read from {@code sql} (compiled and ORM statements), with its position.
     */
    public static String nameOf(Object parameters, Object value, String sql, int index) {
        if (parameters instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (java.util.Objects.equals(entry.getValue(), value)) {
                    return "'" + entry.getKey() + "'";
                }
            }
        }
        String column = PlaceholderColumns.columnOf(sql, index);
        return (column == null ? "" : "for column '" + column + "' ") + "at position " + (index + 1);
    }

    private static String value(Object value) {
        if (value instanceof CharSequence s) {
            String quoted = "'" + s + "'";
            return quoted.length() > MAX_VALUE ? quoted.substring(0, MAX_VALUE) + "...' (" + s.length() + " chars)" : quoted;
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        String text = String.valueOf(value);
        return text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "..." : text;
    }
}
