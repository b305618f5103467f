package dev.athanor;

/**
 * Static factories of SQL constructs, meant to be imported statically ({@code import static dev.athanor.Sql.*}),
 * as SQLAlchemy's {@code from sqlalchemy import text, select, ...}.
 *
 * {@snippet :
 * import static dev.athanor.Sql.text;
 *
 * Result result = conn.execute(text("SELECT x, y FROM some_table WHERE y > :y"), Map.of("y", 2));
 * }
 */
public final class Sql {
    private Sql() {
    }

    /**
     * A textual SQL statement with {@code :name} binds.
     *
     * @see TextClause
     */
    public static TextClause text(String sql) {
        return new TextClause(sql);
    }
}
