package dev.athanor.impl.engine;

import dev.athanor.ArgumentError;
import dev.athanor.Connection;
import dev.athanor.Result;
import dev.athanor.Row;
import dev.athanor.Select;
import dev.athanor.Sql;
import dev.athanor.Update;
import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code UPDATE ... RETURNING} where the database lacks it (MariaDB): in the caller's transaction, lock the primary
 * keys of the rows the WHERE clause matches ({@code SELECT ... FOR UPDATE}), run the UPDATE, then select the RETURNING
 * columns of those keys. The locks keep other transactions from changing the rows in between.
 */
final class UpdateReturningEmulation {
    private UpdateReturningEmulation() {
    }

    static Result execute(Connection conn, Update update, Map<String, ?> parameters) {
        Table table = update.table();
        List<Column<?>> key = table.primaryKey();
        if (key.isEmpty()) {
            throw new ArgumentError("update " + table.name() + " ... returning(): this database has no UPDATE ... "
                    + "RETURNING, and without a primary key the updated rows cannot be found again");
        }
        Select<Row> locate = Sql.select(key.toArray(Expression<?>[]::new)).forUpdate();
        for (Expression<Boolean> condition : update.whereClauses()) {
            locate = locate.where(condition);
        }
        List<Row> keys = conn.execute(locate, whereParameters(update, parameters)).all();
        conn.execute(update.withoutReturning(), parameters);
        List<Expression<?>> returning = update.returningColumns();
        Select<Row> reread = Sql.select(returning.toArray(Expression<?>[]::new)).selectFrom(table)
                .where(keysIn(key, keys));
        return conn.execute(reread);
    }

    /** The parameters the WHERE clause uses (the rest are SET values of an update without values()). */
    private static Map<String, ?> whereParameters(Update update, Map<String, ?> parameters) {
        if (parameters == null || parameters.isEmpty() || !update.values().isEmpty()) {
            return update.values().isEmpty() ? null : parameters;
        }
        java.util.Set<String> used = dev.athanor.impl.sql.ParamNames.of(update.whereClauses());
        Map<String, Object> where = new java.util.LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (used.contains(name)) {
                where.put(name, value);
            }
        });
        return where;
    }

    @SuppressWarnings("unchecked")
    private static Expression<Boolean> keysIn(List<Column<?>> key, List<Row> rows) {
        if (key.size() == 1) {
            List<Object> values = new ArrayList<>();
            rows.forEach(row -> values.add(row.get(0)));
            return ((Column<Object>) key.get(0)).in(values);
        }
        List<Expression<Boolean>> each = new ArrayList<>();
        for (Row row : rows) {
            List<Expression<Boolean>> parts = new ArrayList<>();
            for (int i = 0; i < key.size(); i++) {
                parts.add(((Column<Object>) key.get(i)).eq(row.get(i)));
            }
            each.add(Sql.and(parts.toArray(Expression[]::new)));
        }
        return Sql.or(each.toArray(Expression[]::new));
    }
}
