package dev.athanor.impl.sql;

/**
 * SQL ready for a JDBC {@code PreparedStatement}: {@code ?} placeholders and their values in order.
 *
 * @param sql    JDBC SQL
 * @param values one value per {@code ?}
 */
public record BoundStatement(String sql, Object[] values) {
}
