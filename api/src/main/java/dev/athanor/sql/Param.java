package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * A named bind parameter whose value comes with the execution ({@code conn.execute(stmt, Map.of("name", v))}), as SQLAlchemy's {@code bindparam("name")}; made by {@code Sql.bindParam}.
 */
public record Param<T>(String name, SqlType<T> type) implements Expression<T> {

}
