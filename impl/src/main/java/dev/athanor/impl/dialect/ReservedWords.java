package dev.athanor.impl.dialect;

import java.util.Set;

/** Reserved words that force quoting of an identifier (the SQL:2016 core words all three databases reject). */
final class ReservedWords {
    private ReservedWords() {
    }

    static final Set<String> COMMON = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "between", "both", "by", "case", "cast", "check",
            "column", "constraint", "create", "cross", "current_date", "current_time", "current_timestamp",
            "current_user", "default", "delete", "desc", "distinct", "drop", "else", "end", "except", "exists",
            "false", "fetch", "for", "foreign", "from", "full", "grant", "group", "having", "if", "in", "index",
            "inner", "insert", "intersect", "interval", "into", "is", "join", "key", "leading", "left", "like",
            "limit", "minus", "natural", "not", "null", "offset", "on", "or", "order", "outer", "primary",
            "qualify", "references", "regexp", "right", "row", "rownum", "rows", "select", "set", "some", "table",
            "then", "to", "trailing", "true", "union", "unique", "unknown", "update", "user", "using", "value",
            "values", "when", "where", "window", "with", "year", "month", "day", "hour", "minute", "second");
}
