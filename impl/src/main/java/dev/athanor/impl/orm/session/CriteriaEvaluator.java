package dev.athanor.impl.orm.session;

import dev.athanor.impl.orm.mapping.AttributeMapping;
import dev.athanor.impl.orm.mapping.EntityMapper;
import dev.athanor.schema.Column;
import dev.athanor.sql.Between;
import dev.athanor.sql.BinaryExpression;
import dev.athanor.sql.Bind;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Expression;
import dev.athanor.sql.InList;
import dev.athanor.sql.Label;
import dev.athanor.sql.Not;
import dev.athanor.sql.NullCheck;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Evaluates a WHERE clause or a SET value in Java against an object's fields, for
 * {@code SynchronizeSession.EVALUATE}: comparisons, AND/OR/NOT, IS NULL, IN, BETWEEN, LIKE, arithmetic and
 * concatenation over the entity's own columns and bound values, with SQL's NULL semantics. Anything else (functions,
 * subqueries, other tables) cannot be evaluated: {@link Unevaluable}.
 */
final class CriteriaEvaluator {
    /** The expression cannot be evaluated in Java. */
    static final class Unevaluable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unevaluable(String message) {
            super(message, null, false, false);
        }
    }

    private final EntityMapper mapper;

    CriteriaEvaluator(EntityMapper mapper) {
        this.mapper = mapper;
    }

    /** Checks up front that {@code expression} can be evaluated (throws {@link Unevaluable} if not). */
    void check(Expression<?> expression) {
        evaluate(expression, null, true);
    }

    /** Whether the condition is true for {@code entity} (NULL counts as false, as in a WHERE clause). */
    boolean test(Expression<Boolean> condition, Object entity) {
        return Boolean.TRUE.equals(evaluate(condition, entity, false));
    }

    Object value(Expression<?> expression, Object entity) {
        return evaluate(expression, entity, false);
    }

    private Object evaluate(Expression<?> expression, Object entity, boolean dryRun) {
        Expression<?> node = expression.node();
        if (node instanceof Label<?> label) {
            return evaluate(label.expression(), entity, dryRun);
        }
        if (node instanceof Column<?> column) {
            if (column.table() != mapper.table()) {
                throw new Unevaluable("column " + column + " is not a column of " + mapper.table().name());
            }
            AttributeMapping attribute = mapper.attribute(column.name());
            return dryRun ? null : attribute.get(entity);
        }
        if (node instanceof Bind<?> bind) {
            return bind.value();
        }
        if (node instanceof BooleanClauseList list) {
            Boolean result = list.and();
            boolean sawNull = false;
            for (Expression<Boolean> clause : list.clauses()) {
                Object value = evaluate(clause, entity, dryRun);
                if (dryRun) {
                    continue;
                }
                if (value == null) {
                    sawNull = true;
                } else if (!value.equals(list.and())) {
                    return !list.and();
                }
            }
            return dryRun ? null : sawNull ? null : result;
        }
        if (node instanceof Not not) {
            Object value = evaluate(not.condition(), entity, dryRun);
            return value == null ? null : !((Boolean) value);
        }
        if (node instanceof NullCheck check) {
            Object value = evaluate(check.expression(), entity, dryRun);
            return dryRun ? null : (value == null) != check.negated();
        }
        if (node instanceof InList in) {
            Object value = evaluate(in.expression(), entity, dryRun);
            boolean found = false;
            boolean sawNull = false;
            for (Expression<?> candidate : in.values()) {
                Object c = evaluate(candidate, entity, dryRun);
                if (c == null) {
                    sawNull = true;
                } else if (value != null && compare(value, c) == 0) {
                    found = true;
                }
            }
            if (dryRun || value == null) {
                return null;
            }
            return found ? !in.negated() : sawNull ? null : in.negated();
        }
        if (node instanceof Between between) {
            Object value = evaluate(between.expression(), entity, dryRun);
            Object low = evaluate(between.low(), entity, dryRun);
            Object high = evaluate(between.high(), entity, dryRun);
            if (value == null || low == null || high == null) {
                return null;
            }
            boolean inside = compare(value, low) >= 0 && compare(value, high) <= 0;
            return inside != between.negated();
        }
        if (node instanceof BinaryExpression<?> binary) {
            Object left = evaluate(binary.left(), entity, dryRun);
            Object right = evaluate(binary.right(), entity, dryRun);
            return binary(binary, left, right, dryRun);
        }
        throw new Unevaluable("cannot evaluate " + node.getClass().getSimpleName() + " " + node + " in Java");
    }

    private static Object binary(BinaryExpression<?> binary, Object left, Object right, boolean dryRun) {
        switch (binary.operator()) {
            case EQ, NE, LT, LE, GT, GE, LIKE, NOT_LIKE, ILIKE, NOT_ILIKE, PLUS, MINUS, TIMES, DIV, MOD, CONCAT -> {
                if (dryRun || left == null || right == null) {
                    return null;
                }
            }
            default -> throw new Unevaluable("cannot evaluate operator " + binary.operator() + " in Java");
        }
        return switch (binary.operator()) {
            case EQ -> compare(left, right) == 0;
            case NE -> compare(left, right) != 0;
            case LT -> compare(left, right) < 0;
            case LE -> compare(left, right) <= 0;
            case GT -> compare(left, right) > 0;
            case GE -> compare(left, right) >= 0;
            case LIKE -> like(left.toString(), right.toString(), false);
            case NOT_LIKE -> !like(left.toString(), right.toString(), false);
            case ILIKE -> like(left.toString(), right.toString(), true);
            case NOT_ILIKE -> !like(left.toString(), right.toString(), true);
            case CONCAT -> left.toString() + right;
            case PLUS, MINUS, TIMES, DIV, MOD -> arithmetic(binary, left, right);
        };
    }

    private static Object arithmetic(BinaryExpression<?> binary, Object left, Object right) {
        if (!(left instanceof Number a) || !(right instanceof Number b)) {
            throw new Unevaluable("cannot evaluate " + binary.operator() + " of non-numbers in Java");
        }
        BigDecimal x = new BigDecimal(a.toString());
        BigDecimal y = new BigDecimal(b.toString());
        boolean integral = !(a instanceof Double || a instanceof Float || a instanceof BigDecimal
                || b instanceof Double || b instanceof Float || b instanceof BigDecimal);
        BigDecimal result = switch (binary.operator()) {
            case PLUS -> x.add(y);
            case MINUS -> x.subtract(y);
            case TIMES -> x.multiply(y);
            case DIV -> integral ? new BigDecimal(x.toBigInteger().divide(y.toBigInteger()))
                    : x.divide(y, java.math.MathContext.DECIMAL64);
            default -> integral ? new BigDecimal(x.toBigInteger().mod(y.toBigInteger())) : x.remainder(y);
        };
        return a instanceof Long || b instanceof Long ? (Object) result.longValueExact()
                : integral ? (Object) result.intValueExact() : result;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (left instanceof Enum<?> e && right instanceof String s) {
            return e.name().compareTo(s);
        }
        if (left instanceof String s && right instanceof Enum<?> e) {
            return s.compareTo(e.name());
        }
        if (left instanceof Comparable c && left.getClass().isInstance(right)) {
            return c.compareTo(right);
        }
        if (Objects.equals(left, right)) {
            return 0;
        }
        throw new Unevaluable("cannot compare " + left.getClass().getSimpleName() + " with "
                + right.getClass().getSimpleName() + " in Java");
    }

    private static boolean like(String value, String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        Pattern compiled = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL
                : Pattern.DOTALL);
        return compiled.matcher(ignoreCase ? value.toLowerCase(Locale.ROOT) : value).matches()
                || ignoreCase && compiled.matcher(value).matches();
    }
}
