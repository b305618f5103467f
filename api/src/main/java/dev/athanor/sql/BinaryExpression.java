package dev.athanor.sql;

import dev.athanor.schema.SqlType;
import dev.athanor.schema.SqlTypes;

import java.util.List;

/**
 * {@code left op right}: a comparison, LIKE, arithmetic or concatenation. Made by {@link Expression} methods such as {@code eq} and {@code plus}.
 */
public record BinaryExpression<T>(Expression<?> left, Operator operator, Expression<?> right, SqlType<T> type) implements Expression<T> {

}
