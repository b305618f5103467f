package dev.athanor;

/**
 * Something a {@link Connection} can execute: a {@link TextClause} or a statement of the SQL expression language.
 *
 * {@snippet :
 * Executable stmt = text("SELECT * FROM users WHERE id = :id");
 * conn.execute(stmt, Map.of("id", 1));
 * }
 */
public interface Executable {
}
