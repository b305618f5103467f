package dev.athanor;

import dev.athanor.spi.CompiledSql;
import dev.athanor.spi.CoreServices;

/**
 * A statement of the SQL expression language: an immutable value that compiles to SQL per dialect.
 * {@link #toString()} shows its SQL for the default dialect (H2, standard SQL quoting); {@link #compile(String)}
 * exposes SQL and bind values for debugging.
 *
 * {@snippet :
 * Select<Row> stmt = select(users.c("name")).where(users.c("id").eq(5));
 * System.out.println(stmt);                          // SELECT users.name FROM users WHERE users.id = ?
 * System.out.println(stmt.compile("mariadb").params()); // [5]
 * }
 */
public interface Statement extends Executable {

    /** This statement compiled for {@code dialect}: {@code "h2"}, {@code "postgresql"} or {@code "mariadb"}. */
    default CompiledSql compile(String dialect) {
        return CoreServices.get().compile(this, dialect);
    }

    /** The SQL for the default dialect, for reading (values appear as {@code ?}). */
    static String describe(Statement statement) {
        try {
            return statement.compile("h2").sql();
        } catch (RuntimeException e) {
            return statement.getClass().getSimpleName() + " (cannot compile: " + e.getMessage() + ")";
        }
    }
}
