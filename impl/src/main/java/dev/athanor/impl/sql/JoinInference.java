package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.schema.Column;
import dev.athanor.schema.ForeignKey;
import dev.athanor.schema.Table;
import dev.athanor.sql.BooleanClauseList;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;
import dev.athanor.sql.Join;
import dev.athanor.sql.TableAlias;

import java.util.ArrayList;
import java.util.List;

/**
 * The ON clause of a join given without one (SQLAlchemy's join condition inference): the single foreign key between
 * the tables of the left side and the right side, in either direction. None, or more than one, is an error naming
 * the tables (and the keys).
 */
final class JoinInference {
    private JoinInference() {
    }

    /** The ON clause of the single foreign key between the join's left side and its right side. */
    static Expression<Boolean> on(Join join) {
        List<FromClause> lefts = new ArrayList<>(4);
        RenderContext.leaves(join.left(), lefts);
        FromClause right = join.right();
        Expression<Boolean> found = null;
        int count = 0;
        for (FromClause left : lefts) {
            for (FromClause[] pair : new FromClause[][] {{left, right}, {right, left}}) {
                Table fromTable = tableOf(pair[0]);
                Table toTable = tableOf(pair[1]);
                if (fromTable == null || toTable == null) {
                    continue;
                }
                for (ForeignKey fk : fromTable.foreignKeys()) {
                    if (fk.targetTable().equalsIgnoreCase(toTable.name())) {
                        count++;
                        found = condition(pair[0], pair[1], fk);
                    }
                }
            }
        }
        if (count != 1) {
            throw joinError(lefts, right, count); // messages are built only when there is an error
        }
        return found;
    }

    private static Expression<Boolean> condition(FromClause from, FromClause to, ForeignKey fk) {
        if (fk.columns().size() == 1) {
            Column<Object> local = from.c(fk.columns().get(0));
            return local.eq(to.<Object>c(fk.targetColumns().get(0)));
        }
        List<Expression<Boolean>> pairs = new ArrayList<>(fk.columns().size());
        for (int i = 0; i < fk.columns().size(); i++) {
            Column<Object> local = from.c(fk.columns().get(i));
            pairs.add(local.eq(to.<Object>c(fk.targetColumns().get(i))));
        }
        return new BooleanClauseList(true, pairs);
    }

    private static ArgumentError joinError(List<FromClause> lefts, FromClause right, int count) {
        String names = lefts.stream().map(FromClause::name).toList() + " and " + right.name();
        if (count == 0) {
            return new ArgumentError("cannot join " + names + ": no foreign key links them; give the ON clause, "
                    + "e.g. join(" + right.name() + ", <condition>)");
        }
        List<String> described = new ArrayList<>();
        for (FromClause left : lefts) {
            describe(left, right, described);
            describe(right, left, described);
        }
        return new ArgumentError("cannot join " + names + ": more than one foreign key links them " + described
                + "; give the ON clause");
    }

    private static void describe(FromClause from, FromClause to, List<String> described) {
        Table fromTable = tableOf(from);
        Table toTable = tableOf(to);
        if (fromTable != null && toTable != null) {
            for (ForeignKey fk : fromTable.foreignKeys()) {
                if (fk.targetTable().equalsIgnoreCase(toTable.name())) {
                    described.add(from.name() + "." + fk.columns() + " -> " + to.name() + "." + fk.targetColumns());
                }
            }
        }
    }

    private static Table tableOf(FromClause from) {
        if (from instanceof Table table) {
            return table;
        }
        return from instanceof TableAlias alias ? alias.table() : null;
    }
}
