package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.impl.dialect.Dialect;
import dev.athanor.schema.Column;
import dev.athanor.sql.Cte;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.Join;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one rendering: the writer, the dialect, the FROM scopes of the enclosing SELECTs (for the check that
 * every column's table is in FROM, and for correlation), the CTEs found on the way, and the parameter names the
 * execution supplies (which decide the columns of {@code insert(table)} without values).
 */
final class RenderContext {
    final SqlWriter out;
    final Dialect dialect;
    final Set<String> parameterNames;
    final ExpressionRenderer expressions;
    final SelectRenderer selects;
    final DmlRenderer dml;
    final Map<String, Cte> ctes = new LinkedHashMap<>();
    private final Deque<List<FromClause>> scopes = new ArrayDeque<>();
    /** False inside SET targets, INSERT column lists and RETURNING, where columns are written unqualified. */
    boolean qualify = true;

    RenderContext(SqlWriter out, Set<String> parameterNames) {
        this.out = out;
        this.dialect = out.dialect();
        this.parameterNames = parameterNames;
        this.expressions = new ExpressionRenderer(this);
        this.selects = new SelectRenderer(this);
        this.dml = new DmlRenderer(this);
    }

    void pushScope(List<FromClause> froms) {
        List<FromClause> leaves = new ArrayList<>();
        froms.forEach(from -> leaves(from, leaves));
        scopes.push(leaves);
    }

    void popScope() {
        scopes.pop();
    }

    /** The tables, aliases, subqueries and CTEs a FROM item is made of. */
    static void leaves(FromClause from, List<FromClause> into) {
        if (from instanceof Join join) {
            leaves(join.left(), into);
            leaves(join.right(), into);
        } else {
            into.add(from);
        }
    }

    /** Whether a FROM item is visible in the current SELECT or an enclosing one (correlation). */
    boolean inScope(FromClause table) {
        for (List<FromClause> scope : scopes) {
            for (FromClause leaf : scope) {
                if (same(leaf, table)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The same FROM item; a recursive CTE and the CTE its recursive part refers to count as one. */
    static boolean same(FromClause a, FromClause b) {
        return a == b || (a instanceof Cte && b instanceof Cte && a.name().equals(b.name()));
    }

    /** Checked only when rendering SQL (a cache miss); the key walk trusts the shape it was compiled for. */
    void checkInScope(Column<?> column) {
        if (!out.keyMode() && !scopes.isEmpty() && !inScope(column.table())) {
            List<String> visible = scopes.peek().stream().map(f -> String.valueOf(f.name())).toList();
            throw new ArgumentError("column " + column + " belongs to " + column.table().name() + ", which is not in "
                    + "the FROM clause " + visible + " of this statement; add it with join(...) or selectFrom(...)");
        }
    }

    void addCte(Cte cte) {
        Cte known = ctes.get(cte.name());
        if (known == null || (known.recursivePart() == null && cte.recursivePart() != null)) {
            ctes.put(cte.name(), cte);
        }
    }
}
