package dev.athanor.impl.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, for error messages only, the column a {@code ?} placeholder of generated SQL belongs to: the column it is
 * compared with ({@code col = ?}) or inserted into ({@code INSERT INTO t (a, col) VALUES (?, ?)}). Works on the SQL
 * Athanor generates; returns null where it cannot tell.
 */
final class PlaceholderColumns {
    private PlaceholderColumns() {
    }

    static String columnOf(String sql, int index) {
        if (sql == null) {
            return null;
        }
        int at = placeholder(sql, index);
        if (at < 0) {
            return null;
        }
        String compared = comparedWith(sql, at);
        return compared != null ? compared : insertedInto(sql, at);
    }

    /** The offset of placeholder {@code index}, skipping quoted strings. */
    private static int placeholder(String sql, int index) {
        boolean quoted = false;
        int seen = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == '?' && !quoted && seen++ == index) {
                return i;
            }
        }
        return -1;
    }

    /** {@code col = ?}, {@code t.col <= ?}: the identifier before the comparison operator. */
    private static String comparedWith(String sql, int at) {
        int i = skipSpace(sql, at - 1);
        int operatorEnd = i;
        while (i >= 0 && "=<>!".indexOf(sql.charAt(i)) >= 0) {
            i--;
        }
        if (i == operatorEnd) {
            return null;
        }
        int end = skipSpace(sql, i) + 1;
        int start = end;
        while (start > 0 && isIdentifierChar(sql.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : unqualified(sql.substring(start, end));
    }

    /** {@code INSERT INTO t (a, b) VALUES (?, ?)}: the column at the placeholder's place in its VALUES row. */
    private static String insertedInto(String sql, int at) {
        String upper = sql.toUpperCase(java.util.Locale.ROOT);
        int values = upper.lastIndexOf(" VALUES", at);
        int open = sql.indexOf('(');
        if (!upper.startsWith("INSERT") || values < 0 || open < 0 || open > values) {
            return null;
        }
        int close = sql.indexOf(')', open);
        List<String> columns = new ArrayList<>();
        for (String column : sql.substring(open + 1, close).split(",")) {
            columns.add(unqualified(column.strip()));
        }
        int row = sql.lastIndexOf('(', at);
        int place = 0;
        for (int i = row + 1; i < at; i++) {
            if (sql.charAt(i) == ',') {
                place++;
            }
        }
        return place < columns.size() ? columns.get(place) : null;
    }

    private static int skipSpace(String sql, int i) {
        while (i >= 0 && Character.isWhitespace(sql.charAt(i))) {
            i--;
        }
        return i;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '"' || c == '`';
    }

    private static String unqualified(String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        return last.replace("\"", "").replace("`", "");
    }
}
