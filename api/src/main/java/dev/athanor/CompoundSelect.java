package dev.athanor;

import dev.athanor.sql.OrderByItem;
import dev.athanor.sql.SelectLike;
import dev.athanor.sql.Subquery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code SELECT ... UNION [ALL] SELECT ...}, with an optional ORDER BY and LIMIT over the whole; made by
 * {@code select.union(...)} or {@code Sql.union(...)}.
 *
 * {@snippet :
 * CompoundSelect all = select(a.c("x")).union(select(b.c("x"))).orderBy(a.c("x")).limit(5);
 * }
 */
public final class CompoundSelect implements Statement, SelectLike {
    private final String operator;
    private final List<SelectLike> selects;
    private final List<OrderByItem> orderBy;
    private final Integer limit;
    private final Integer offset;

    private CompoundSelect(String operator, List<SelectLike> selects, List<OrderByItem> orderBy, Integer limit,
            Integer offset) {
        this.operator = operator;
        this.selects = selects;
        this.orderBy = orderBy;
        this.limit = limit;
        this.offset = offset;
    }

    static CompoundSelect of(String operator, SelectLike first, SelectLike... others) {
        List<SelectLike> all = new ArrayList<>();
        all.add(first);
        all.addAll(Arrays.asList(others));
        if (all.size() < 2) {
            throw new ArgumentError(operator + " needs at least two selects");
        }
        return new CompoundSelect(operator, List.copyOf(all), List.of(), null, null);
    }

    /** {@code UNION} or {@code UNION ALL}. */
    public String operator() {
        return operator;
    }

    public List<SelectLike> selects() {
        return selects;
    }

    public List<OrderByItem> orderByClauses() {
        return orderBy;
    }

    public Integer limitValue() {
        return limit;
    }

    public Integer offsetValue() {
        return offset;
    }

    public CompoundSelect orderBy(OrderByItem... items) {
        List<OrderByItem> more = new ArrayList<>(orderBy);
        more.addAll(Arrays.asList(items));
        return new CompoundSelect(operator, selects, List.copyOf(more), limit, offset);
    }

    public CompoundSelect limit(int rows) {
        return new CompoundSelect(operator, selects, orderBy, rows, offset);
    }

    public CompoundSelect offset(int rows) {
        return new CompoundSelect(operator, selects, orderBy, limit, rows);
    }

    /** The first select, whose column labels name the result's columns. */
    Select<?> firstSelect() {
        SelectLike first = selects.get(0);
        return first instanceof CompoundSelect c ? c.firstSelect() : (Select<?>) first;
    }

    @Override
    public Subquery subquery(String name) {
        Select<?> first = firstSelect();
        return new Subquery(name, this, first.labels(), first.columns().stream().<dev.athanor.schema.SqlType<?>>map(
                c -> c.type()).toList());
    }

    @Override
    public String toString() {
        return Statement.describe(this);
    }
}
