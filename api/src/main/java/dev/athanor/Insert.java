package dev.athanor;

import dev.athanor.schema.Column;
import dev.athanor.schema.Table;
import dev.athanor.sql.Expression;
import dev.athanor.sql.SelectLike;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An INSERT statement (SQLAlchemy's {@code Insert}); immutable. Values come from {@link #values(Map)} (one row or
 * several), from a SELECT, or, when none are given, from the parameters of the execution, which makes an
 * executemany: {@code conn.execute(insert(users), List.of(Map.of("name", "a"), Map.of("name", "b")))}.
 *
 * {@snippet :
 * conn.execute(insert(users).values(Map.of("id", 1, "name", "ada")).returning(users.c("id")));
 * conn.execute(insert(users).values(Map.of("id", 1, "name", "ada"))
 *         .onConflictDoUpdate(List.of("id"), Map.of("name", "ada")));   // upsert
 * }
 */
public final class Insert implements Statement {

    /** The upsert clause: what to do when a row conflicts with a unique key. */
    public record OnConflict(List<String> conflictColumns, Map<String, Expression<?>> updates, boolean duplicateKeyStyle) {
        /** DO NOTHING when there is nothing to update. */
        public boolean doNothing() {
            return updates.isEmpty();
        }
    }

    private final Table table;
    private final List<Map<String, Expression<?>>> rows;
    private final List<String> fromColumns;
    private final SelectLike fromSelect;
    private final List<Expression<?>> returning;
    private final OnConflict onConflict;

    private Insert(Table table, List<Map<String, Expression<?>>> rows, List<String> fromColumns, SelectLike fromSelect,
            List<Expression<?>> returning, OnConflict onConflict) {
        this.table = table;
        this.rows = rows;
        this.fromColumns = fromColumns;
        this.fromSelect = fromSelect;
        this.returning = returning;
        this.onConflict = onConflict;
    }

    static Insert into(Table table) {
        if (table == null) {
            throw new ArgumentError("insert() needs a table");
        }
        return new Insert(table, List.of(), List.of(), null, List.of(), null);
    }

    /**
     * One row of values, by column name; values may be plain Java values (bound) or SQL expressions.
     *
     * @throws ArgumentError at once, naming it, for a key that is not a column of the table
     */
    public Insert values(Map<String, ?> values) {
        if (fromSelect != null) {
            throw new ArgumentError("insert into " + table.name() + ": values() and fromSelect() cannot be combined");
        }
        List<Map<String, Expression<?>>> more = new ArrayList<>(rows);
        more.add(DmlValues.of(table, values, "insert into"));
        return new Insert(table, List.copyOf(more), fromColumns, null, returning, onConflict);
    }

    /** Several rows in one multi-row {@code VALUES (...), (...)}; every row must name the same columns. */
    public Insert values(List<? extends Map<String, ?>> manyRows) {
        Insert insert = this;
        for (Map<String, ?> row : manyRows) {
            insert = insert.values(row);
        }
        return insert;
    }

    /** One value of one column, keeping the values given before. */
    public <V> Insert value(Column<V> column, V value) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(DmlValues.nameOf(table, column, "insert into"), value);
        if (rows.isEmpty()) {
            return values(one);
        }
        Map<String, Expression<?>> last = new LinkedHashMap<>(rows.get(rows.size() - 1));
        last.putAll(DmlValues.of(table, one, "insert into"));
        List<Map<String, Expression<?>>> replaced = new ArrayList<>(rows.subList(0, rows.size() - 1));
        replaced.add(last);
        return new Insert(table, List.copyOf(replaced), fromColumns, null, returning, onConflict);
    }

    /** {@code INSERT INTO table (columns) SELECT ...}. */
    public Insert fromSelect(List<String> columns, SelectLike select) {
        if (!rows.isEmpty()) {
            throw new ArgumentError("insert into " + table.name() + ": values() and fromSelect() cannot be combined");
        }
        columns.forEach(name -> DmlValues.column(table, name, "insert into"));
        return new Insert(table, List.of(), List.copyOf(columns), select, returning, onConflict);
    }

    /** {@code RETURNING columns}: the result has their rows (emulated where the database lacks it). */
    public Insert returning(Expression<?>... columns) {
        List<Expression<?>> more = new ArrayList<>(returning);
        more.addAll(Arrays.asList(columns));
        return new Insert(table, rows, fromColumns, fromSelect, List.copyOf(more), onConflict);
    }

    /** Upsert: skip rows that conflict on {@code conflictColumns} (PostgreSQL/H2 style; MariaDB uses its unique keys). */
    public Insert onConflictDoNothing(List<String> conflictColumns) {
        conflictColumns.forEach(name -> DmlValues.column(table, name, "insert into"));
        return new Insert(table, rows, fromColumns, fromSelect, returning,
                new OnConflict(List.copyOf(conflictColumns), Map.of(), false));
    }

    /**
     * Upsert: on a conflict on {@code conflictColumns}, update the existing row with {@code set} (column name to value
     * or expression; {@code Sql.excluded("col")} is the value the INSERT proposed).
     */
    public Insert onConflictDoUpdate(List<String> conflictColumns, Map<String, ?> set) {
        conflictColumns.forEach(name -> DmlValues.column(table, name, "insert into"));
        return new Insert(table, rows, fromColumns, fromSelect, returning,
                new OnConflict(List.copyOf(conflictColumns), DmlValues.of(table, set, "insert into"), false));
    }

    /** MariaDB's {@code ON DUPLICATE KEY UPDATE set} (any unique key); on other databases, the primary key decides. */
    public Insert onDuplicateKeyUpdate(Map<String, ?> set) {
        List<String> key = table.primaryKey().stream().map(Column::name).toList();
        return new Insert(table, rows, fromColumns, fromSelect, returning,
                new OnConflict(key, DmlValues.of(table, set, "insert into"), true));
    }

    public Table table() {
        return table;
    }

    /** The VALUES rows; empty when the values come from the execution's parameters or a SELECT. */
    public List<Map<String, Expression<?>>> rows() {
        return rows;
    }

    public List<String> fromColumns() {
        return fromColumns;
    }

    public SelectLike fromSelect() {
        return fromSelect;
    }

    public List<Expression<?>> returningColumns() {
        return returning;
    }

    public OnConflict onConflict() {
        return onConflict;
    }

    @Override
    public String toString() {
        return Statement.describe(this);
    }
}
