package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.CompoundSelect;
import dev.athanor.Select;
import dev.athanor.schema.Column;
import dev.athanor.schema.SqlTypes;
import dev.athanor.schema.Table;
import dev.athanor.sql.BinaryExpression;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Case;
import dev.athanor.sql.Cast;
import dev.athanor.sql.Cte;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.FunctionCall;
import dev.athanor.sql.InList;
import dev.athanor.sql.Join;
import dev.athanor.sql.Label;
import dev.athanor.sql.Not;
import dev.athanor.sql.NullCheck;
import dev.athanor.sql.OrderByItem;
import dev.athanor.sql.Ordering;
import dev.athanor.sql.SelectLike;
import dev.athanor.sql.Subquery;
import dev.athanor.sql.TableAlias;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders SELECTs and UNIONs: the FROM clause (explicit items plus the tables of the selected columns), joins (ON
 * clauses inferred by {@link JoinInference} when not given), the scope check of every column, CTEs hoisted into one
 * WITH, paging and locking per dialect.
 */
final class SelectRenderer {
    private final RenderContext ctx;
    private final SqlWriter out;

    SelectRenderer(RenderContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out;
    }

    /** A whole statement: the query, then its CTEs moved in front as one WITH clause. */
    void topLevel(SelectLike query) {
        int start = out.mark();
        int slotStart = out.slotMark();
        query(query, false);
        withClause(start, slotStart);
    }

    /** Renders the CTEs found so far as {@code WITH ...} and moves them to {@code start}. */
    void withClause(int start, int slotStart) {
        if (ctx.ctes.isEmpty()) {
            return;
        }
        int mark = out.mark();
        int slotMark = out.slotMark();
        boolean recursive = ctx.ctes.values().stream().anyMatch(Cte::recursive);
        out.text(recursive ? "WITH RECURSIVE " : "WITH ");
        List<String> done = new ArrayList<>();
        while (done.size() < ctx.ctes.size()) {
            for (Cte cte : List.copyOf(ctx.ctes.values())) {
                if (done.contains(cte.name())) {
                    continue;
                }
                if (!done.isEmpty()) {
                    out.text(", ");
                }
                done.add(cte.name());
                out.identifier(cte.name()).text(" (");
                for (int i = 0; i < cte.columns().size(); i++) {
                    out.text(i == 0 ? "" : ", ").identifier(cte.columns().get(i).name());
                }
                out.text(") AS (");
                query(cte.query(), true);
                if (cte.recursivePart() != null) {
                    out.text(" UNION ALL ");
                    query(cte.recursivePart(), true);
                }
                out.text(")");
            }
        }
        out.text(" ");
        out.moveToFront(start, slotStart, mark, slotMark);
    }

    /** A subquery inside an expression (IN, EXISTS, scalar): it sees the enclosing FROM items. */
    void nested(SelectLike query) {
        query(query, true);
    }

    void query(SelectLike query, boolean nested) {
        if (query instanceof Select<?> select) {
            select(select, nested);
        } else if (query instanceof CompoundSelect compound) {
            compound(compound);
        } else {
            throw new ArgumentError("cannot render " + query.getClass().getName() + " as a query");
        }
    }

    private void select(Select<?> select, boolean labelAll) {
        List<FromClause> froms = froms(select);
        ctx.pushScope(froms);
        try {
            out.text(select.isDistinct() ? "SELECT DISTINCT " : "SELECT ");
            List<Expression<?>> columns = select.columns();
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.text(", ");
                }
                Expression<?> column = columns.get(i).node();
                ctx.expressions.selectColumn(column);
                if (labelAll && !(column instanceof Label<?>) && !(column instanceof Column<?>)) {
                    out.text(" AS ").identifier("column_" + (i + 1)); // the names Select.labels() promises
                }
            }
            if (!froms.isEmpty()) {
                out.text(" FROM ");
                for (int i = 0; i < froms.size(); i++) {
                    if (i > 0) {
                        out.text(", ");
                    }
                    fromItem(froms.get(i));
                }
            }
            conditions(" WHERE ", select.whereClauses());
            if (!select.groupByClauses().isEmpty()) {
                out.text(" GROUP BY ");
                for (int i = 0; i < select.groupByClauses().size(); i++) {
                    out.text(i == 0 ? "" : ", ");
                    ctx.expressions.render(select.groupByClauses().get(i));
                }
            }
            conditions(" HAVING ", select.havingClauses());
            orderBy(select.orderByClauses());
            paging(select.limitValue(), select.offsetValue());
            if (select.forUpdateClause() != null) {
                out.text(" FOR UPDATE");
                if (select.forUpdateClause().nowait()) {
                    out.text(" NOWAIT");
                } else if (select.forUpdateClause().skipLocked()) {
                    out.text(" SKIP LOCKED");
                }
            }
        } finally {
            ctx.popScope();
        }
    }

    void conditions(String keyword, List<Expression<Boolean>> conditions) {
        if (conditions.isEmpty()) {
            return;
        }
        out.text(keyword);
        if (conditions.size() == 1) {
            ctx.expressions.render(conditions.get(0));
        } else {
            ctx.expressions.booleanList(new BooleanClauseList(true, conditions));
        }
    }

    private void orderBy(List<OrderByItem> items) {
        if (items.isEmpty()) {
            return;
        }
        out.text(" ORDER BY ");
        for (int i = 0; i < items.size(); i++) {
            out.text(i == 0 ? "" : ", ");
            ctx.expressions.orderBy(items.get(i));
        }
    }

    private void paging(Integer limit, Integer offset) {
        if (limit == null && offset == null) {
            return;
        }
        if (ctx.dialect.standardPaging()) {
            if (offset != null) {
                out.text(" OFFSET ").bind(offset, SqlTypes.INTEGER).text(" ROWS");
            }
            if (limit != null) {
                out.text(" FETCH FIRST ").bind(limit, SqlTypes.INTEGER).text(" ROWS ONLY");
            }
            return;
        }
        if (limit != null) {
            out.text(" LIMIT ").bind(limit, SqlTypes.INTEGER);
        } else {
            out.text(" LIMIT 18446744073709551615"); // MariaDB has no OFFSET without LIMIT
        }
        if (offset != null) {
            out.text(" OFFSET ").bind(offset, SqlTypes.INTEGER);
        }
    }

    private void compound(CompoundSelect compound) {
        List<SelectLike> selects = compound.selects();
        for (int i = 0; i < selects.size(); i++) {
            if (i > 0) {
                out.text(" ").text(compound.operator()).text(" ");
            }
            SelectLike member = selects.get(i);
            boolean wrap = member instanceof CompoundSelect
                    || member instanceof Select<?> s && (!s.orderByClauses().isEmpty() || s.limitValue() != null
                    || s.offsetValue() != null);
            out.text(wrap ? "(" : "");
            query(member, true);
            out.text(wrap ? ")" : "");
        }
        if (!compound.orderByClauses().isEmpty()) {
            // The ORDER BY of a UNION refers to the result's column names.
            boolean qualify = ctx.qualify;
            ctx.qualify = false;
            List<FromClause> none = List.of();
            ctx.pushScope(none);
            try {
                out.text(" ORDER BY ");
                for (int i = 0; i < compound.orderByClauses().size(); i++) {
                    out.text(i == 0 ? "" : ", ");
                    OrderByItem item = compound.orderByClauses().get(i);
                    Expression<?> key = item instanceof Ordering o ? o.expression() : (Expression<?>) item;
                    if (key.node() instanceof Column<?> column) {
                        out.identifier(column.name());
                    } else if (key.node() instanceof Label<?> label) {
                        out.identifier(label.name());
                    } else {
                        throw new ArgumentError("the ORDER BY of a UNION takes columns or labels of its result");
                    }
                    if (item instanceof Ordering o && o.descending()) {
                        out.text(" DESC");
                    }
                }
            } finally {
                ctx.popScope();
                ctx.qualify = qualify;
            }
        }
        paging(compound.limitValue(), compound.offsetValue());
    }

    /** Explicit FROM items, then the tables of selected columns that are not among them or in an enclosing scope. */
    List<FromClause> froms(Select<?> select) {
        List<FromClause> froms = new ArrayList<>(select.froms());
        List<FromClause> leaves = new ArrayList<>();
        froms.forEach(from -> RenderContext.leaves(from, leaves));
        List<FromClause> implicit = new ArrayList<>();
        for (Expression<?> column : select.columns()) {
            collectTables(column, implicit);
        }
        for (FromClause table : implicit) {
            if (!contains(leaves, table) && !ctx.inScope(table)) {
                froms.add(table);
                leaves.add(table);
            }
        }
        return froms;
    }

    private static boolean contains(List<FromClause> items, FromClause table) {
        for (FromClause item : items) {
            if (RenderContext.same(item, table)) {
                return true;
            }
        }
        return false;
    }

    /** The FROM items of the columns in an expression (not looking into subqueries, which have their own FROM). */
    private static void collectTables(Expression<?> expression, List<FromClause> into) {
        Expression<?> e = expression.node();
        if (e instanceof Column<?> column) {
            if (!contains(into, column.table())) {
                into.add(column.table());
            }
        } else if (e instanceof Label<?> label) {
            collectTables(label.expression(), into);
        } else if (e instanceof BinaryExpression<?> binary) {
            collectTables(binary.left(), into);
            collectTables(binary.right(), into);
        } else if (e instanceof FunctionCall<?> call) {
            call.arguments().forEach(arg -> collectTables(arg, into));
        } else if (e instanceof Cast<?> cast) {
            collectTables(cast.expression(), into);
        } else if (e instanceof Case<?> caseWhen) {
            caseWhen.whens().forEach(w -> {
                collectTables(w.condition(), into);
                collectTables(w.result(), into);
            });
            if (caseWhen.otherwise() != null) {
                collectTables(caseWhen.otherwise(), into);
            }
        } else if (e instanceof NullCheck check) {
            collectTables(check.expression(), into);
        } else if (e instanceof Not not) {
            collectTables(not.condition(), into);
        } else if (e instanceof InList in) {
            collectTables(in.expression(), into);
        } else if (e instanceof BooleanClauseList list) {
            list.clauses().forEach(c -> collectTables(c, into));
        }
    }

    void fromItem(FromClause from) {
        if (from instanceof Table table) {
            out.identifier(table.name());
        } else if (from instanceof TableAlias alias) {
            out.identifier(alias.table().name()).text(" AS ").identifier(alias.name());
        } else if (from instanceof Cte cte) {
            ctx.addCte(cte);
            out.identifier(cte.name());
        } else if (from instanceof Subquery subquery) {
            out.text("(");
            query(subquery.query(), true);
            out.text(") AS ").identifier(subquery.name());
        } else if (from instanceof Join join) {
            join(join);
        } else {
            throw new ArgumentError("cannot use " + from.getClass().getName() + " in FROM");
        }
    }

    private void join(Join join) {
        fromItem(join.left());
        out.text(join.full() ? " FULL OUTER JOIN " : join.outer() ? " LEFT OUTER JOIN " : " JOIN ");
        fromItem(join.right());
        out.text(" ON ");
        ctx.expressions.render(join.on() != null ? join.on() : JoinInference.on(join));
    }

}
