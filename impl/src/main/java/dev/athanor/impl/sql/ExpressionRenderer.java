package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.schema.Column;
import dev.athanor.schema.SqlTypes;
import dev.athanor.sql.Between;
import dev.athanor.sql.BinaryExpression;
import dev.athanor.sql.Bind;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Case;
import dev.athanor.sql.Cast;
import dev.athanor.sql.Excluded;
import dev.athanor.sql.Exists;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FunctionCall;
import dev.athanor.sql.InList;
import dev.athanor.sql.InSelect;
import dev.athanor.sql.Keyword;
import dev.athanor.sql.Label;
import dev.athanor.sql.Not;
import dev.athanor.sql.NullCheck;
import dev.athanor.sql.Operator;
import dev.athanor.sql.OrderByItem;
import dev.athanor.sql.Ordering;
import dev.athanor.sql.Param;
import dev.athanor.sql.ScalarSubquery;

/** Renders expressions; operands that are themselves operations are parenthesized. */
final class ExpressionRenderer {
    private final RenderContext ctx;
    private final SqlWriter out;

    ExpressionRenderer(RenderContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out;
    }

    void render(Expression<?> expression) {
        Expression<?> e = expression.node();
        if (e instanceof Column<?> column) {
            column(column);
        } else if (e instanceof Bind<?> bind) {
            out.bind(bind.value(), bind.type() == null ? SqlTypes.NULLTYPE : bind.type());
        } else if (e instanceof Param<?> param) {
            out.param(param.name(), param.type());
        } else if (e instanceof BinaryExpression<?> binary) {
            binary(binary);
        } else if (e instanceof BooleanClauseList list) {
            booleanList(list);
        } else if (e instanceof Not not) {
            out.text("NOT (");
            render(not.condition());
            out.text(")");
        } else if (e instanceof NullCheck check) {
            operand(check.expression());
            out.text(check.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof InList in) {
            inList(in);
        } else if (e instanceof InSelect in) {
            operand(in.expression());
            out.text(in.negated() ? " NOT IN (" : " IN (");
            ctx.selects.nested(in.subquery());
            out.text(")");
        } else if (e instanceof Between between) {
            operand(between.expression());
            out.text(between.negated() ? " NOT BETWEEN " : " BETWEEN ");
            operand(between.low());
            out.text(" AND ");
            operand(between.high());
        } else if (e instanceof Label<?> label) {
            render(label.expression()); // outside a column list a label stands for its expression
        } else if (e instanceof Cast<?> cast) {
            out.text("CAST(");
            render(cast.expression());
            out.text(" AS ").text(ctx.dialect.castType(cast.type())).text(")");
        } else if (e instanceof FunctionCall<?> call) {
            function(call);
        } else if (e instanceof Case<?> caseWhen) {
            out.text("CASE");
            for (Case.When when : caseWhen.whens()) {
                out.text(" WHEN ");
                render(when.condition());
                out.text(" THEN ");
                render(when.result());
            }
            if (caseWhen.otherwise() != null) {
                out.text(" ELSE ");
                render(caseWhen.otherwise());
            }
            out.text(" END");
        } else if (e instanceof ScalarSubquery<?> sub) {
            out.text("(");
            ctx.selects.nested(sub.select());
            out.text(")");
        } else if (e instanceof Exists exists) {
            out.text(exists.negated() ? "NOT EXISTS (" : "EXISTS (");
            ctx.selects.nested(exists.select());
            out.text(")");
        } else if (e instanceof Keyword<?> keyword) {
            out.text(keyword.sql());
        } else if (e instanceof Excluded excluded) {
            if (ctx.dialect.excludedAsValuesFunction()) {
                out.text("VALUES(").identifier(excluded.column()).text(")");
            } else {
                out.text("excluded.").identifier(excluded.column());
            }
        } else {
            throw new ArgumentError("cannot render " + e.getClass().getName() + " as SQL");
        }
    }

    void column(Column<?> column) {
        ctx.checkInScope(column);
        if (ctx.qualify && column.table().name() != null) {
            out.identifier(column.table().name()).text(".");
        }
        out.identifier(column.name());
    }

    /** A column-list item: labels become {@code expr AS name}. */
    void selectColumn(Expression<?> expression) {
        Expression<?> e = expression.node();
        if (e instanceof Label<?> label) {
            render(label.expression());
            out.text(" AS ").identifier(label.name());
        } else {
            render(e);
        }
    }

    /** An ORDER BY item; a label is referred to by its name, as the column list defines it. */
    void orderBy(OrderByItem item) {
        Ordering ordering = item instanceof Ordering o ? o : null;
        Expression<?> key = ordering != null ? ordering.expression() : (Expression<?>) item;
        boolean descending = ordering != null && ordering.descending();
        Ordering.Nulls nulls = ordering != null ? ordering.nulls() : Ordering.Nulls.DEFAULT;
        if (nulls != Ordering.Nulls.DEFAULT && !ctx.dialect.supportsNullsOrdering()) {
            // MariaDB has no NULLS FIRST/LAST: sort on "is null" first.
            out.text("CASE WHEN ");
            orderKey(key);
            out.text(nulls == Ordering.Nulls.FIRST ? " IS NULL THEN 0 ELSE 1 END, " : " IS NULL THEN 1 ELSE 0 END, ");
            nulls = Ordering.Nulls.DEFAULT;
        }
        orderKey(key);
        if (descending) {
            out.text(" DESC");
        }
        if (nulls == Ordering.Nulls.FIRST) {
            out.text(" NULLS FIRST");
        } else if (nulls == Ordering.Nulls.LAST) {
            out.text(" NULLS LAST");
        }
    }

    private void orderKey(Expression<?> key) {
        Expression<?> e = key.node();
        if (e instanceof Label<?> label) {
            out.identifier(label.name());
        } else {
            render(e);
        }
    }

    /** Renders an operand, in parentheses when it is an operation of its own. */
    void operand(Expression<?> expression) {
        Expression<?> e = expression.node();
        boolean wrap = e instanceof BinaryExpression<?> || e instanceof BooleanClauseList || e instanceof Between
                || e instanceof NullCheck || e instanceof InList || e instanceof InSelect || e instanceof Not;
        if (wrap) {
            out.text("(");
        }
        render(e);
        if (wrap) {
            out.text(")");
        }
    }

    private void binary(BinaryExpression<?> binary) {
        Operator op = binary.operator();
        if ((op == Operator.ILIKE || op == Operator.NOT_ILIKE) && !ctx.dialect.supportsIlike()) {
            out.text("lower(");
            render(binary.left());
            out.text(op == Operator.ILIKE ? ") LIKE lower(" : ") NOT LIKE lower(");
            render(binary.right());
            out.text(")");
            return;
        }
        if (op == Operator.CONCAT && !ctx.dialect.supportsConcatOperator()) {
            out.text("CONCAT(");
            render(binary.left());
            out.text(", ");
            render(binary.right());
            out.text(")");
            return;
        }
        if (op == Operator.MOD) {
            out.text("MOD(");
            render(binary.left());
            out.text(", ");
            render(binary.right());
            out.text(")");
            return;
        }
        operand(binary.left());
        out.text(" ").text(op.sql()).text(" ");
        operand(binary.right());
    }

    void booleanList(BooleanClauseList list) {
        if (list.clauses().isEmpty()) {
            out.text(list.and() ? "1 = 1" : "1 = 0");
            return;
        }
        String joiner = list.and() ? " AND " : " OR ";
        for (int i = 0; i < list.clauses().size(); i++) {
            if (i > 0) {
                out.text(joiner);
            }
            Expression<?> clause = list.clauses().get(i).node();
            if (clause instanceof BooleanClauseList) {
                out.text("(");
                render(clause);
                out.text(")");
            } else {
                render(clause);
            }
        }
    }

    private void inList(InList in) {
        if (in.values().isEmpty()) {
            // x IN () is not SQL: an empty IN matches nothing, an empty NOT IN everything.
            out.text(in.negated() ? "1 = 1" : "1 = 0");
            return;
        }
        operand(in.expression());
        out.text(in.negated() ? " NOT IN (" : " IN (");
        for (int i = 0; i < in.values().size(); i++) {
            if (i > 0) {
                out.text(", ");
            }
            render(in.values().get(i));
        }
        out.text(")");
    }

    private void function(FunctionCall<?> call) {
        if (call.name().equals("now") && call.arguments().isEmpty()) {
            out.text("CURRENT_TIMESTAMP");
            return;
        }
        out.text(call.name()).text("(");
        if (call.star()) {
            out.text("*");
        } else {
            if (call.distinct()) {
                out.text("DISTINCT ");
            }
            for (int i = 0; i < call.arguments().size(); i++) {
                if (i > 0) {
                    out.text(", ");
                }
                Expression<?> argument = call.arguments().get(i).node();
                if (argument instanceof Bind<?> bind && bind.type() != null
                        && bind.type().kind() != dev.athanor.schema.SqlType.Kind.NULL
                        && ctx.dialect.castsFunctionArgumentBinds()) {
                    out.text("CAST(");
                    render(argument);
                    out.text(" AS ").text(ctx.dialect.castType(bind.type())).text(")");
                } else {
                    render(argument);
                }
            }
        }
        out.text(")");
    }
}
