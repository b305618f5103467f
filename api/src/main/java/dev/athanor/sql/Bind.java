package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * A value sent as a bind parameter; made for every plain Java value given to the expression language.
 */
public record Bind<T>(T value, SqlType<T> type) implements Expression<T> {

}
