package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

/**
 * In an upsert's update values, the value the INSERT proposed for a column: {@code EXCLUDED.col} on PostgreSQL,
 * {@code VALUES(col)} on MariaDB, the MERGE source on H2. Made by {@code Sql.excluded("col")}.
 *
 * {@snippet :
 * insert(stock).values(Map.of("sku", "a", "qty", 5))
 *         .onConflictDoUpdate(List.of("sku"), Map.of("qty", stock.c("qty").plus(excluded("qty"))));
 * }
 *
 * @param column the column name
 */
public record Excluded(String column) implements Expression<Object> {
    @Override
    public SqlType<Object> type() {
        return SqlTypes.NULLTYPE;
    }
}
