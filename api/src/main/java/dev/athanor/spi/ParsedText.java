package dev.athanor.spi;

import dev.athanor.ArgumentError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text SQL split at its {@code :name} binds: the SQL fragments between them and the bind names in order. Shared by
 * {@link dev.athanor.TextClause} (to check bind names early) and the implementation (to build JDBC SQL).
 *
 * <p>Rules, as SQLAlchemy's {@code text()}: a bind is {@code :} followed by a name ({@code [A-Za-z_][A-Za-z0-9_]*}),
 * not preceded by a word character or another {@code :} and not followed by a single {@code :}, so PostgreSQL's
 * {@code ::int} casts and {@code a:b} are left alone, and {@code :v::int} is the bind {@code v} cast to int. Nothing inside '…' strings, "…" or `…` quoted identifiers,
 * {@code $tag$…$tag$} dollar quotes, {@code --} comments or {@code /* *}{@code /} comments is a bind. {@code \:}
 * writes a literal colon. Parsed forms are cached by SQL text (bounded), so a text executed in a loop is parsed once.
 *
 * {@snippet :
 * ParsedText p = ParsedText.parse("SELECT x::text FROM t WHERE y > :y AND z = ':not_a_bind'");
 * p.bindNames();   // [y]
 * p.jdbcSql();     // SELECT x::text FROM t WHERE y > ? AND z = ':not_a_bind'
 * }
 */
public final class ParsedText {
    private static final int CACHE_LIMIT = 2048;
    private static final ConcurrentHashMap<String, ParsedText> CACHE = new ConcurrentHashMap<>();

    private final String sql;
    private final String[] fragments;
    private final String[] bindNames;
    private final Set<String> distinctNames;
    private final String jdbcSql;

    private ParsedText(String sql, List<String> fragments, List<String> bindNames) {
        this.sql = sql;
        this.fragments = fragments.toArray(String[]::new);
        this.bindNames = bindNames.toArray(String[]::new);
        this.distinctNames = Collections.unmodifiableSet(new LinkedHashSet<>(bindNames));
        this.jdbcSql = String.join("?", fragments);
    }

    /** Parses {@code sql} (or returns the cached parse of the same text). */
    public static ParsedText parse(String sql) {
        if (sql == null) {
            throw new ArgumentError("text() needs SQL, got null");
        }
        ParsedText parsed = CACHE.get(sql);
        if (parsed == null) {
            parsed = doParse(sql);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear(); // crude but bounded; texts are usually a small fixed set
            }
            CACHE.put(sql, parsed);
        }
        return parsed;
    }

    /** The SQL as written. */
    public String sql() {
        return sql;
    }

    /** The bind names in order of appearance; a name used twice appears twice. */
    public List<String> bindNames() {
        return List.of(bindNames);
    }

    /** The distinct bind names, in order of first appearance. */
    public Set<String> distinctNames() {
        return distinctNames;
    }

    /** The number of bind positions ({@code bindNames().size()}). */
    public int bindCount() {
        return bindNames.length;
    }

    /** The bind name at a position (0-based). */
    public String bindName(int position) {
        return bindNames[position];
    }

    /** The SQL fragment before bind {@code position}; {@code fragment(bindCount())} is the text after the last. */
    public String fragment(int position) {
        return fragments[position];
    }

    /** The SQL with a {@code ?} for each bind, for a JDBC {@code PreparedStatement}. */
    public String jdbcSql() {
        return jdbcSql;
    }

    private static ParsedText doParse(String sql) {
        List<String> fragments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder(sql.length());
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(sql, i, c);
                current.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int end = sql.indexOf(tag, i + tag.length());
                end = end < 0 ? n : end + tag.length();
                current.append(sql, i, end);
                i = end;
            } else if (c == '\\' && i + 1 < n && sql.charAt(i + 1) == ':') {
                current.append(':');
                i += 2;
            } else if (c == ':' && isBindStart(sql, i)) {
                int end = i + 1;
                while (end < n && isNamePart(sql.charAt(end))) {
                    end++;
                }
                fragments.add(current.toString());
                current.setLength(0);
                names.add(sql.substring(i + 1, end));
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                current.append("::"); // a PostgreSQL cast: skip both colons so the second is not read as a bind
                i += 2;
            } else {
                current.append(c);
                i++;
            }
        }
        fragments.add(current.toString());
        return new ParsedText(sql, fragments, names);
    }

    private static boolean isBindStart(String sql, int i) {
        int n = sql.length();
        if (i + 1 >= n || !isNameStart(sql.charAt(i + 1))) {
            return false;
        }
        if (i > 0) {
            char before = sql.charAt(i - 1);
            if (before == ':' || isNamePart(before)) {
                return false;
            }
        }
        int end = i + 1;
        while (end < n && isNamePart(sql.charAt(end))) {
            end++;
        }
        // "a:b:c" is not a bind, but ":v::int" is one followed by a PostgreSQL cast (SQLAlchemy refuses that one).
        return end >= n || sql.charAt(end) != ':' || (end + 1 < n && sql.charAt(end + 1) == ':');
    }

    private static int closing(String sql, int start, char quote) {
        int i = start + 1;
        int n = sql.length();
        while (i < n) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2; // doubled quote inside the literal
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return n;
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && isNamePart(sql.charAt(i - 1))) {
            return null; // part of an identifier such as a$b
        }
        int end = i + 1;
        while (end < sql.length() && isNamePart(sql.charAt(end)) && !Character.isDigit(sql.charAt(i + 1))) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == '$') {
            return sql.substring(i, end + 1);
        }
        return null;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    @Override
    public String toString() {
        return sql;
    }
}
