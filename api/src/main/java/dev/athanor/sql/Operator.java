package dev.athanor.sql;

/** The binary operators of the expression language; dialects render a few differently (ILIKE, CONCAT). */
public enum Operator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
    LIKE("LIKE"), NOT_LIKE("NOT LIKE"), ILIKE("ILIKE"), NOT_ILIKE("NOT ILIKE"),
    PLUS("+"), MINUS("-"), TIMES("*"), DIV("/"), MOD("%"), CONCAT("||");

    private final String sql;

    Operator(String sql) {
        this.sql = sql;
    }

    /** The standard SQL spelling. */
    public String sql() {
        return sql;
    }
}
