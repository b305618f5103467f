package dev.athanor.spi;

import java.util.List;

/**
 * A statement compiled for one dialect, for inspection: the SQL with {@code ?} placeholders and the bind values in
 * order ({@code null} where a named parameter's value comes at execution).
 *
 * {@snippet :
 * CompiledSql compiled = select(users).where(users.c("id").eq(5)).compile("postgresql");
 * compiled.sql();     // SELECT users.id, users.name FROM users WHERE users.id = ?
 * compiled.params();  // [5]
 * }
 *
 * @param sql    the SQL text
 * @param params the bind values in placeholder order
 * @param names  for each placeholder, the name of its named parameter, or null for a value bound in the statement
 */
public record CompiledSql(String sql, List<Object> params, List<String> names) {
    @Override
    public String toString() {
        return sql;
    }
}
