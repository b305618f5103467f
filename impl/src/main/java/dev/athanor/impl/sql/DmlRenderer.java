package dev.athanor.impl.sql;

import dev.athanor.ArgumentError;
import dev.athanor.Delete;
import dev.athanor.Insert;
import dev.athanor.NotSupportedError;
import dev.athanor.Update;
import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;
import dev.athanor.sql.FromClause;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders INSERT, UPDATE and DELETE: values from the statement or from the execution's parameters, upserts per
 * dialect (ON CONFLICT, ON DUPLICATE KEY UPDATE, MERGE), and RETURNING (native, or H2's
 * {@code SELECT ... FROM FINAL TABLE (...)}).
 */
final class DmlRenderer {
    private final RenderContext ctx;
    private final SqlWriter out;

    DmlRenderer(RenderContext ctx) {
        this.ctx = ctx;
        this.out = ctx.out;
    }

    void insert(Insert insert) {
        Table table = insert.table();
        Insert.OnConflict upsert = insert.onConflict();
        if (upsert != null && ctx.dialect.upsertStyle() == dev.athanor.impl.dialect.Dialect.UpsertStyle.MERGE) {
            merge(insert, upsert);
            return;
        }
        boolean wrapped = openReturning(insert.returningColumns(), "FINAL");
        ctx.pushScope(List.<FromClause>of(table));
        try {
            out.text("INSERT INTO ").identifier(table.name());
            List<String> columns = insertColumns(insert);
            if (insert.fromSelect() != null) {
                columnList(columns);
                out.text(" ");
                ctx.selects.nested(insert.fromSelect());
            } else if (columns.isEmpty()) {
                out.text(ctx.dialect.emptyInsertValues());
            } else {
                columnList(columns);
                out.text(" VALUES ");
                valueRows(insert, columns);
            }
            if (upsert != null) {
                upsertClause(table, upsert);
            }
        } finally {
            ctx.popScope();
        }
        closeReturning(table, insert.returningColumns(), wrapped);
    }

    /** The INSERT's columns: those of its VALUES rows, its SELECT, or the execution's parameter names. */
    private List<String> insertColumns(Insert insert) {
        Table table = insert.table();
        if (!insert.rows().isEmpty()) {
            List<String> columns = List.copyOf(insert.rows().get(0).keySet());
            for (int i = 1; i < insert.rows().size(); i++) {
                if (!insert.rows().get(i).keySet().equals(Set.copyOf(columns))) {
                    throw new ArgumentError("insert into " + table.name() + ": VALUES row " + (i + 1) + " has columns "
                            + insert.rows().get(i).keySet() + " but row 1 has " + columns);
                }
            }
            return columns;
        }
        if (insert.fromSelect() != null) {
            return insert.fromColumns();
        }
        List<String> columns = new ArrayList<>();
        for (Column<?> column : table.columns()) {
            if (ctx.parameterNames.contains(column.name())) {
                columns.add(column.name());
                out.token(column.name());
            }
        }
        for (String name : ctx.parameterNames) {
            if (columns.stream().noneMatch(c -> c.equals(name))) {
                throw new ArgumentError("insert into " + table.name() + ": unknown column '" + name + "' in the "
                        + "parameters; the table's columns are " + table.columns().stream().map(Column::name).toList());
            }
        }
        return columns;
    }

    private void columnList(List<String> columns) {
        out.text(" (");
        for (int i = 0; i < columns.size(); i++) {
            out.text(i == 0 ? "" : ", ").identifier(columns.get(i));
        }
        out.text(")");
    }

    private void valueRows(Insert insert, List<String> columns) {
        if (insert.rows().isEmpty()) {
            out.text("(");
            for (int i = 0; i < columns.size(); i++) {
                Column<?> column = insert.table().c(columns.get(i));
                out.text(i == 0 ? "" : ", ").param(column.name(), column.type());
            }
            out.text(")");
            return;
        }
        for (int r = 0; r < insert.rows().size(); r++) {
            Map<String, Expression<?>> row = insert.rows().get(r);
            out.text(r == 0 ? "(" : ", (");
            for (int i = 0; i < columns.size(); i++) {
                out.text(i == 0 ? "" : ", ");
                ctx.expressions.render(row.get(columns.get(i)));
            }
            out.text(")");
        }
    }

    private void upsertClause(Table table, Insert.OnConflict upsert) {
        switch (ctx.dialect.upsertStyle()) {
            case ON_CONFLICT -> {
                out.text(" ON CONFLICT (");
                for (int i = 0; i < upsert.conflictColumns().size(); i++) {
                    out.text(i == 0 ? "" : ", ").identifier(upsert.conflictColumns().get(i));
                }
                out.text(")");
                if (upsert.doNothing()) {
                    out.text(" DO NOTHING");
                } else {
                    out.text(" DO UPDATE SET ");
                    assignments(upsert.updates());
                }
            }
            case ON_DUPLICATE_KEY -> {
                out.text(" ON DUPLICATE KEY UPDATE ");
                if (upsert.doNothing()) {
                    // MariaDB has no DO NOTHING; assigning a key column to itself changes nothing.
                    String first = upsert.conflictColumns().isEmpty() ? table.columns().get(0).name()
                            : upsert.conflictColumns().get(0);
                    out.identifier(first).text(" = ").identifier(first);
                } else {
                    assignments(upsert.updates());
                }
            }
            case MERGE -> throw new IllegalStateException("MERGE is rendered by merge()");
        }
    }

    /** H2: {@code MERGE INTO t USING (VALUES ...) AS excluded (cols) ON key WHEN MATCHED ... WHEN NOT MATCHED ...}. */
    private void merge(Insert insert, Insert.OnConflict upsert) {
        Table table = insert.table();
        if (insert.fromSelect() != null || !insert.returningColumns().isEmpty()) {
            throw new NotSupportedError("an upsert from a SELECT or with RETURNING is not available on H2", null, null,
                    "0A000", 0, null);
        }
        List<String> columns = insertColumns(insert);
        ctx.pushScope(List.<FromClause>of(table));
        try {
            out.text("MERGE INTO ").identifier(table.name()).text(" USING (VALUES ");
            if (insert.rows().isEmpty()) {
                out.text("(");
                for (int i = 0; i < columns.size(); i++) {
                    Column<?> column = table.c(columns.get(i));
                    out.text(i == 0 ? "CAST(" : ", CAST(").param(column.name(), column.type())
                            .text(" AS ").text(ctx.dialect.castType(column.type())).text(")");
                }
                out.text(")");
            } else {
                for (int r = 0; r < insert.rows().size(); r++) {
                    out.text(r == 0 ? "(" : ", (");
                    for (int i = 0; i < columns.size(); i++) {
                        Column<?> column = table.c(columns.get(i));
                        out.text(i == 0 ? "CAST(" : ", CAST(");
                        ctx.expressions.render(insert.rows().get(r).get(columns.get(i)));
                        out.text(" AS ").text(ctx.dialect.castType(column.type())).text(")");
                    }
                    out.text(")");
                }
            }
            out.text(") AS excluded");
            columnList(columns);
            out.text(" ON ");
            for (int i = 0; i < upsert.conflictColumns().size(); i++) {
                String key = upsert.conflictColumns().get(i);
                out.text(i == 0 ? "" : " AND ").identifier(table.name()).text(".").identifier(key)
                        .text(" = excluded.").identifier(key);
            }
            if (!upsert.doNothing()) {
                out.text(" WHEN MATCHED THEN UPDATE SET ");
                assignments(upsert.updates());
            }
            out.text(" WHEN NOT MATCHED THEN INSERT");
            columnList(columns);
            out.text(" VALUES (");
            for (int i = 0; i < columns.size(); i++) {
                out.text(i == 0 ? "excluded." : ", excluded.").identifier(columns.get(i));
            }
            out.text(")");
        } finally {
            ctx.popScope();
        }
    }

    private void assignments(Map<String, Expression<?>> values) {
        int i = 0;
        for (Map.Entry<String, Expression<?>> entry : values.entrySet()) {
            out.text(i++ == 0 ? "" : ", ").identifier(entry.getKey()).text(" = ");
            ctx.expressions.render(entry.getValue());
        }
    }

    void update(Update update) {
        Table table = update.table();
        if (!update.returningColumns().isEmpty() && !ctx.dialect.supportsUpdateReturning()) {
            // The connection emulates it (UpdateReturningEmulation); compiled on its own it cannot be rendered.
            throw new NotSupportedError("UPDATE ... RETURNING is not available on " + ctx.dialect.name()
                    + " as one statement; execute it on a connection, which emulates it", null, null, "0A000", 0, null);
        }
        boolean wrapped = openReturning(update.returningColumns(), "FINAL");
        ctx.pushScope(List.<FromClause>of(table));
        try {
            out.text("UPDATE ").identifier(table.name()).text(" SET ");
            if (!update.values().isEmpty()) {
                assignments(update.values());
            } else {
                parameterAssignments(table, update.whereClauses());
            }
            ctx.selects.conditions(" WHERE ", update.whereClauses());
        } finally {
            ctx.popScope();
        }
        closeReturning(table, update.returningColumns(), wrapped);
    }

    /** UPDATE without values(): SET every column named by a parameter that the WHERE clause does not use. */
    private void parameterAssignments(Table table, List<Expression<Boolean>> where) {
        Set<String> usedInWhere = ParamNames.of(where);
        int i = 0;
        for (Column<?> column : table.columns()) {
            if (ctx.parameterNames.contains(column.name()) && !usedInWhere.contains(column.name())) {
                out.text(i++ == 0 ? "" : ", ").identifier(column.name()).text(" = ").param(column.name(), column.type());
            }
        }
        if (i == 0) {
            throw new ArgumentError("update " + table.name() + ": nothing to SET; give values(...) or parameters "
                    + "named after columns");
        }
    }

    void delete(Delete delete) {
        Table table = delete.table();
        boolean wrapped = openReturning(delete.returningColumns(), "OLD");
        ctx.pushScope(List.<FromClause>of(table));
        try {
            out.text("DELETE FROM ").identifier(table.name());
            ctx.selects.conditions(" WHERE ", delete.whereClauses());
        } finally {
            ctx.popScope();
        }
        closeReturning(table, delete.returningColumns(), wrapped);
    }

    /** H2 returns rows of a data change through {@code SELECT cols FROM FINAL|OLD TABLE (statement)}. */
    private boolean openReturning(List<Expression<?>> returning, String delta) {
        if (returning.isEmpty() || ctx.dialect.supportsReturning()) {
            return false;
        }
        if (!ctx.dialect.supportsDeltaTables()) {
            throw new NotSupportedError("RETURNING is not available on " + ctx.dialect.name(), null, null, "0A000", 0,
                    null);
        }
        out.text("SELECT ");
        returningList(returning);
        out.text(" FROM ").text(delta).text(" TABLE (");
        return true;
    }

    private void closeReturning(Table table, List<Expression<?>> returning, boolean wrapped) {
        if (wrapped) {
            out.text(")");
        } else if (!returning.isEmpty()) {
            ctx.pushScope(List.<FromClause>of(table));
            try {
                out.text(" RETURNING ");
                returningList(returning);
            } finally {
                ctx.popScope();
            }
        }
    }

    private void returningList(List<Expression<?>> returning) {
        boolean qualify = ctx.qualify;
        ctx.qualify = false;
        try {
            for (int i = 0; i < returning.size(); i++) {
                out.text(i == 0 ? "" : ", ");
                ctx.expressions.selectColumn(returning.get(i));
            }
        } finally {
            ctx.qualify = qualify;
        }
    }
}
