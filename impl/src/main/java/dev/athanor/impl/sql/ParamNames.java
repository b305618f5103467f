package dev.athanor.impl.sql;

import dev.athanor.sql.Between;
import dev.athanor.sql.BinaryExpression;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FunctionCall;
import dev.athanor.sql.InList;
import dev.athanor.sql.Not;
import dev.athanor.sql.NullCheck;
import dev.athanor.sql.Param;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the names of the named parameters ({@code bindParam}) used in conditions. */
public final class ParamNames {
    private ParamNames() {
    }

    public static Set<String> of(List<? extends Expression<?>> expressions) {
        Set<String> names = new HashSet<>();
        expressions.forEach(e -> scan(e, names));
        return names;
    }

    private static void scan(Expression<?> expression, Set<String> names) {
        Expression<?> e = expression.node();
        if (e instanceof Param<?> param) {
            names.add(param.name());
        } else if (e instanceof BinaryExpression<?> binary) {
            scan(binary.left(), names);
            scan(binary.right(), names);
        } else if (e instanceof BooleanClauseList list) {
            list.clauses().forEach(c -> scan(c, names));
        } else if (e instanceof Not not) {
            scan(not.condition(), names);
        } else if (e instanceof NullCheck check) {
            scan(check.expression(), names);
        } else if (e instanceof InList in) {
            scan(in.expression(), names);
            in.values().forEach(v -> scan(v, names));
        } else if (e instanceof Between between) {
            scan(between.expression(), names);
            scan(between.low(), names);
            scan(between.high(), names);
        } else if (e instanceof FunctionCall<?> call) {
            call.arguments().forEach(a -> scan(a, names));
        }
    }
}
